package vn.loa.tts.engine;

import java.util.Objects;

/**
 * The audio of one sentence: the unit in which speech goes on air while the rest is still being synthesised.
 *
 * <p>The PCM array is not copied, for speed; whoever receives a chunk must not change it.
 *
 * @param index the sentence's position in its request, from 0
 * @param sentence the text that was spoken
 * @param format the PCM layout and rate
 * @param pcm signed 16-bit little-endian mono samples
 */
public record SpeechChunk(int index, String sentence, PcmFormat format, byte[] pcm) {

    public SpeechChunk {
        Objects.requireNonNull(sentence, "sentence");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(pcm, "pcm");
        if ((pcm.length & 1) != 0) {
            throw new IllegalArgumentException("16-bit PCM needs an even number of bytes, got " + pcm.length);
        }
    }

    /** How long the chunk plays. */
    public long millis() {
        return format.millis(pcm.length);
    }

    /** The same audio at another position, for engines that speak part of a longer request. */
    public SpeechChunk withIndex(int newIndex) {
        return new SpeechChunk(newIndex, sentence, format, pcm);
    }
}
