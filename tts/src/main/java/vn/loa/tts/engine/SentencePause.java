package vn.loa.tts.engine;

/**
 * The silence after a sentence, chosen by its last punctuation mark and the speaking rate.
 *
 * <p>Stateless. Engines that speak one sentence at a time return audio that stops at the last word; played back to
 * back, such sentences would run together. Announcers pause longest after an ellipsis, a little less after a full
 * stop, question or exclamation, and briefly where the normaliser cut a long sentence at a comma.
 */
public final class SentencePause {

    private SentencePause() {
    }

    /** The pause after this sentence, in milliseconds, at this rate. */
    public static int millisAfter(String sentence, VoiceSettings settings) {
        String s = sentence.strip();
        int base;
        if (s.endsWith("...") || s.endsWith("…")) {
            base = 700;
        } else if (s.endsWith(",") || s.endsWith(";")) {
            base = 200;
        } else {
            base = 450;
        }
        return base * 100 / settings.ratePercent();
    }

    /** The sentence's PCM followed by its pause, as silence. */
    public static byte[] append(byte[] pcm, PcmFormat format, String sentence, VoiceSettings settings) {
        int samples = format.sampleRate() * millisAfter(sentence, settings) / 1000;
        byte[] out = new byte[pcm.length + samples * PcmFormat.BYTES_PER_SAMPLE];
        System.arraycopy(pcm, 0, out, 0, pcm.length);
        return out;
    }
}
