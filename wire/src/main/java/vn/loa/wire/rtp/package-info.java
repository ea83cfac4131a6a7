/** RTP and RTCP packets (RFC 3550), their pure byte codecs, the packetiser and the SDP writer (RFC 4566). */
package vn.loa.wire.rtp;
