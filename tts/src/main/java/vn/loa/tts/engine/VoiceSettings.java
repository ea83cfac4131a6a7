package vn.loa.tts.engine;

/**
 * How a voice should speak: rate, pitch and volume, each relative to the engine's normal.
 *
 * <p>Engines map these onto their own scales (espeak-ng words per minute and 0–99 pitch, SSML prosody for HTTP
 * engines). Part of the synthesis cache key, so a change of settings never replays old audio.
 *
 * @param ratePercent speaking rate, 100 is the engine's normal; 50 to 200
 * @param pitch 0 to 100, 50 is the engine's normal
 * @param volumePercent 100 is the engine's normal; 0 to 200
 */
public record VoiceSettings(int ratePercent, int pitch, int volumePercent) {

    public static final VoiceSettings NORMAL = new VoiceSettings(100, 50, 100);
    /**
     * For an emergency notice: 15% slower (espeak-ng's words per minute, a Piper voice's length scale), so that a
     * listener who cannot rewind a loudspeaker catches every word; pauses stretch with it.
     */
    public static final VoiceSettings URGENT = new VoiceSettings(85, 50, 100);

    public VoiceSettings {
        check("ratePercent", ratePercent, 50, 200);
        check("pitch", pitch, 0, 100);
        check("volumePercent", volumePercent, 0, 200);
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", got " + value);
        }
    }
}
