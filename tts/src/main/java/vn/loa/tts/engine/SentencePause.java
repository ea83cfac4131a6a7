package vn.loa.tts.engine;

/**
 * The silence after a sentence, chosen by its last punctuation mark and the speaking rate.
 *
 * <p>Stateless. Engines that speak one sentence at a time return audio that stops at the last word; played back to
 * back, such sentences would run together. Announcers pause longest after an ellipsis, a little less after a full
 * stop, question or exclamation, and briefly where the normaliser cut a long sentence at a comma
 * ({@link vn.loa.tts.normalize.Pauses}); the announcer then sets each pause to the notice's plan ({@link #withPause}).
 */
public final class SentencePause {

    private SentencePause() {
    }

    /** The pause after this sentence, in milliseconds, at this rate. */
    public static int millisAfter(String sentence, VoiceSettings settings) {
        return atRate(vn.loa.tts.normalize.Pauses.afterSentence(sentence), settings);
    }

    /** A pause given at the normal rate, at this rate (slower speech pauses longer). */
    public static int atRate(int millis, VoiceSettings settings) {
        return millis * 100 / settings.ratePercent();
    }

    /**
     * The chunk with the pause the notice's plan asks for after it in place of the one its punctuation gave: every
     * engine ends a chunk with {@link #append}'s silence, so that silence is what is shortened or lengthened.
     */
    public static SpeechChunk withPause(SpeechChunk chunk, int plannedMillis, VoiceSettings settings) {
        int rate = chunk.format().sampleRate();
        long had = (long) rate * millisAfter(chunk.sentence(), settings) / 1000 * PcmFormat.BYTES_PER_SAMPLE;
        long want = (long) rate * atRate(plannedMillis, settings) / 1000 * PcmFormat.BYTES_PER_SAMPLE;
        if (had == want || had > chunk.pcm().length) {
            return chunk;
        }
        byte[] pcm = java.util.Arrays.copyOf(chunk.pcm(), (int) (chunk.pcm().length - had + want));
        return new SpeechChunk(chunk.index(), chunk.sentence(), chunk.format(), pcm);
    }

    /** The sentence's PCM followed by its pause, as silence. */
    public static byte[] append(byte[] pcm, PcmFormat format, String sentence, VoiceSettings settings) {
        int samples = format.sampleRate() * millisAfter(sentence, settings) / 1000;
        byte[] out = new byte[pcm.length + samples * PcmFormat.BYTES_PER_SAMPLE];
        System.arraycopy(pcm, 0, out, 0, pcm.length);
        return out;
    }
}
