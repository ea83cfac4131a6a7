package vn.loa.bench.fanout;

import java.util.SplittableRandom;

/**
 * A stand-in for a spoken notice at espeak-ng's 22,050 Hz: voiced syllables (a pitch and its harmonics under a
 * syllable envelope) with breath noise and pauses, so the resampler and the Opus encoder work as hard as on speech
 * and the benchmark needs no speech engine.
 */
final class SpeechLikeSignal {

    static final int SAMPLE_RATE = 22_050;

    private SpeechLikeSignal() {
    }

    static short[] seconds(int seconds) {
        SplittableRandom random = new SplittableRandom(42);
        short[] samples = new short[seconds * SAMPLE_RATE];
        double phase = 0;
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) SAMPLE_RATE;
            double syllable = (t * 4.0) % 1.0; // four syllables a second
            boolean pause = (long) (t / 3.0) % 4 == 3 && syllable > 0.1; // a breath every few seconds
            double envelope = pause ? 0.0 : Math.sin(Math.PI * syllable);
            phase += 2 * Math.PI * (120 + 30 * Math.sin(2 * Math.PI * 0.7 * t)) / SAMPLE_RATE;
            double voiced = 0;
            for (int h = 1; h <= 12; h++) {
                voiced += Math.sin(h * phase) / h;
            }
            double noise = (random.nextDouble() - 0.5) * 0.05;
            samples[i] = (short) Math.round(6000 * (envelope * voiced * 0.5 + noise));
        }
        return samples;
    }
}
