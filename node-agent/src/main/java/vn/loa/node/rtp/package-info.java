/** The node's RTP port: datagrams in, validated packets of the playing source out, with reception statistics. */
package vn.loa.node.rtp;
