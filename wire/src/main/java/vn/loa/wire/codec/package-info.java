/** Pure audio codecs (G.711 µ-law and A-law, Opus): samples in, bytes out, no clocks and no sockets. */
package vn.loa.wire.codec;
