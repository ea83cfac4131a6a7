/** Mono 16-bit PCM: the frame every stage passes on, the pull interface they flow through, and the resampler. */
package vn.loa.wire.pcm;
