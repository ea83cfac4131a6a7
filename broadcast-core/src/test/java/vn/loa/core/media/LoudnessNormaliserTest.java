package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.Signals;

class LoudnessNormaliserTest {

    private static final int RATE = 8000;

    @Test
    void aQuietRecordingIsRaisedToTheTargetLevel() {
        short[] quiet = Signals.sine(440, 0.02, RATE, 5 * RATE); // about -37 dBFS RMS

        short[] out = normalise(quiet, -20);

        double rmsDb = 20 * Math.log10(Signals.rms(out, 3 * RATE, 5 * RATE));
        assertThat(rmsDb).isCloseTo(-20, within(0.5));
    }

    @Test
    void aLoudRecordingIsLoweredToTheTargetLevel() {
        short[] loud = Signals.sine(440, 0.9, RATE, 3 * RATE);

        short[] out = normalise(loud, -20);

        assertThat(20 * Math.log10(Signals.rms(out, RATE, 3 * RATE))).isCloseTo(-20, within(0.5));
    }

    @Test
    void peaksNeverPassTheCeilingEvenWhenTheTargetAsksForMore() {
        // Clicks on a quiet bed: the RMS target would need +30 dB, which would clip every click.
        short[] spiky = Signals.sine(300, 0.01, RATE, 4 * RATE);
        for (int i = 100; i < spiky.length; i += 800) {
            spiky[i] = 20_000;
        }

        short[] out = normalise(spiky, -12);

        assertThat(Signals.peak(out)).isLessThanOrEqualTo((int) (32767 * Math.pow(10, -1 / 20.0)) + 1);
    }

    @Test
    void pausesBetweenSentencesAreNotPumpedUp() {
        short[] speechThenHiss = new short[4 * RATE];
        System.arraycopy(Signals.sine(440, 0.1, RATE, 2 * RATE), 0, speechThenHiss, 0, 2 * RATE);
        short[] hiss = Signals.sine(3000, 0.001, RATE, 2 * RATE); // -63 dBFS: under the gate
        System.arraycopy(hiss, 0, speechThenHiss, 2 * RATE, 2 * RATE);

        short[] out = normalise(speechThenHiss, -20);

        // The gain that was right for the speech is kept; the hiss is not raised to speech level.
        double hissGainDb = 20 * Math.log10(Signals.rms(out, 3 * RATE, 4 * RATE) / Signals.rms(hiss, RATE, 2 * RATE));
        double speechGainDb = 20 * Math.log10(Signals.rms(out, RATE, 2 * RATE)
                / Signals.rms(speechThenHiss, RATE, 2 * RATE));
        assertThat(hissGainDb).isCloseTo(speechGainDb, within(1.0));
    }

    private static short[] normalise(short[] in, double targetDbfs) {
        return Signals.concat(MediaPipeline.from("pcm", new PcmBufferSource(in, RATE))
                .then("loudness", LoudnessNormaliser.toRms(targetDbfs)).build().pullAll());
    }
}
