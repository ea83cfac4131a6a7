/** The node's playout: jitter buffer, decoding, and cutting the audio into takes by the server's commands. */
package vn.loa.node.playout;
