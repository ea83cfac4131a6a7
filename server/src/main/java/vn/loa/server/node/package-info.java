/** Loudspeaker nodes as registered devices: tokens, JSON shape, and the "I am here" call of rtp nodes. */
package vn.loa.server.node;
