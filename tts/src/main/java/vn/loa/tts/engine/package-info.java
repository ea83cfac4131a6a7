/** The speech-engine SPI: normalised sentences, a voice and settings in; 16-bit mono PCM out, sentence by sentence. */
package vn.loa.tts.engine;
