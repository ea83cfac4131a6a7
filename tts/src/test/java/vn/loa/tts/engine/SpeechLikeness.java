package vn.loa.tts.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;

/**
 * Measures whether PCM sounds like speech rather than silence, noise bursts or clipping: what a listener would
 * notice first.
 */
public record SpeechLikeness(long millis, double rms, double clippedFraction, double voicedFraction) {

    public static SpeechLikeness of(PcmFormat format, byte[] pcm) {
        ShortBuffer samples = ByteBuffer.wrap(pcm).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int n = samples.remaining();
        double sumSquares = 0;
        int clipped = 0;
        int voicedWindows = 0;
        int windows = 0;
        int window = format.sampleRate() / 50; // 20 ms
        double windowSquares = 0;
        for (int i = 0; i < n; i++) {
            int s = samples.get(i);
            sumSquares += (double) s * s;
            windowSquares += (double) s * s;
            if (s >= Short.MAX_VALUE || s <= Short.MIN_VALUE + 1) {
                clipped++;
            }
            if ((i + 1) % window == 0) {
                windows++;
                if (Math.sqrt(windowSquares / window) > 300) {
                    voicedWindows++;
                }
                windowSquares = 0;
            }
        }
        return new SpeechLikeness(format.millis(pcm.length), n == 0 ? 0 : Math.sqrt(sumSquares / n),
                n == 0 ? 0 : (double) clipped / n, windows == 0 ? 0 : (double) voicedWindows / windows);
    }
}
