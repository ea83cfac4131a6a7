/** The audio formats a node decodes and the RTP payload types that carry them. */
package vn.loa.node.media;
