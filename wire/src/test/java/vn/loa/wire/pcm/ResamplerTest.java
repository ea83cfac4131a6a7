package vn.loa.wire.pcm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    private static final int ESPEAK_RATE = 22_050;

    @Test
    void aSineFromEspeakKeepsItsFrequencyAndAmplitudeAt8kHz() {
        short[] out = resampleInChunks(Signals.sine(1000, 0.5, ESPEAK_RATE, ESPEAK_RATE), 441, ESPEAK_RATE, 8000);

        assertThat(Signals.zeroCrossingFrequency(out, 400, 7600, 8000)).isCloseTo(1000, within(1.0));
        assertThat(Signals.toneAmplitude(out, 400, 7600, 1000, 8000)).isCloseTo(0.5, within(0.005));
    }

    @Test
    void aSineFromEspeakKeepsItsFrequencyAndAmplitudeAt48kHz() {
        short[] out = resampleInChunks(Signals.sine(440, 0.5, ESPEAK_RATE, ESPEAK_RATE), 512, ESPEAK_RATE, 48_000);

        assertThat(Signals.zeroCrossingFrequency(out, 2400, 45_600, 48_000)).isCloseTo(440, within(0.5));
        assertThat(Signals.toneAmplitude(out, 2400, 45_600, 440, 48_000)).isCloseTo(0.5, within(0.005));
    }

    @Test
    void toneAboveTheNewNyquistIsFilteredOutInsteadOfAliasing() {
        // 6 kHz would fold to 2 kHz at 8 kHz sampling if the resampler did not low-pass first.
        short[] out = resampleInChunks(Signals.sine(6000, 0.5, ESPEAK_RATE, ESPEAK_RATE), 441, ESPEAK_RATE, 8000);

        double alias = Signals.toneAmplitude(out, 400, 7600, 2000, 8000);
        assertThat(20 * Math.log10(alias / 0.5)).isLessThan(-60);
    }

    @Test
    void outputLengthMatchesTheDurationOfTheInput() {
        short[] out = resampleInChunks(new short[ESPEAK_RATE * 3], 1000, ESPEAK_RATE, 8000);

        assertThat(out).hasSize(24_000);
    }

    @Test
    void chunkSizeDoesNotChangeTheResult() {
        short[] input = Signals.sine(700, 0.3, ESPEAK_RATE, 10_000);

        short[] whole = resampleInChunks(input, input.length, ESPEAK_RATE, 8000);
        short[] pieces = resampleInChunks(input, 37, ESPEAK_RATE, 8000);

        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void outputFramesAreStampedInOutputSamplesWithoutGaps() {
        Resampler resampler = new Resampler(ESPEAK_RATE, 8000);
        long expected = 0;
        for (int i = 0; i < 10; i++) {
            PcmFrame out = resampler.process(new PcmFrame(new short[441], ESPEAK_RATE, i * 441L));
            assertThat(out.timestamp()).isEqualTo(expected);
            assertThat(out.sampleRate()).isEqualTo(8000);
            expected = out.endTimestamp();
        }
        assertThat(resampler.flush().timestamp()).isEqualTo(expected);
    }

    @Test
    void anUnusualRatePairStillKeepsTheTone() {
        short[] out = resampleInChunks(Signals.sine(1000, 0.5, 44_101, 44_101), 1000, 44_101, 48_000);

        assertThat(Signals.toneAmplitude(out, 2400, 45_600, 1000, 48_000)).isCloseTo(0.5, within(0.01));
    }

    static short[] resampleInChunks(short[] input, int chunk, int from, int to) {
        Resampler resampler = new Resampler(from, to);
        List<PcmFrame> out = new ArrayList<>();
        for (int at = 0; at < input.length; at += chunk) {
            short[] piece = java.util.Arrays.copyOfRange(input, at, Math.min(input.length, at + chunk));
            out.add(resampler.process(new PcmFrame(piece, from, at)));
        }
        out.add(resampler.flush());
        return Signals.concat(out);
    }
}
