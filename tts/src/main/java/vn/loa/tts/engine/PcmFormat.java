package vn.loa.tts.engine;

/**
 * The format of the audio a speech engine produces: signed 16-bit little-endian mono PCM at a stated sample rate.
 *
 * <p>One layout for every engine keeps the broadcast pipeline's input simple; only the rate differs (espeak-ng
 * speaks at 22,050 Hz, MaryTTS at 48,000 Hz, FreeTTS at 16,000 Hz), and resampling is the pipeline's job.
 *
 * @param sampleRate samples per second, 8,000 to 48,000
 */
public record PcmFormat(int sampleRate) {

    public static final int BYTES_PER_SAMPLE = 2;

    /** espeak-ng's output rate. */
    public static final PcmFormat ESPEAK = new PcmFormat(22_050);

    public PcmFormat {
        if (sampleRate < 8_000 || sampleRate > 48_000) {
            throw new IllegalArgumentException("sample rate must be 8000..48000 Hz, got " + sampleRate);
        }
    }

    /** How long this many bytes of PCM play, in milliseconds. */
    public long millis(int bytes) {
        return bytes / BYTES_PER_SAMPLE * 1000L / sampleRate;
    }
}
