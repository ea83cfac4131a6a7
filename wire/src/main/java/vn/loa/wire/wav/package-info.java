/** WAV files of 16-bit mono PCM: the one header Loa writes, and a reader for any PCM file the JDK decodes. */
package vn.loa.wire.wav;
