package vn.loa.server.air;

import vn.loa.wire.pcm.PcmFrame;

/**
 * The two-note chime ("ding-dong", E5 then C5) that opens and closes a notice, made in code so that Loa ships no
 * sound file it could not redistribute. Bell-like: a fundamental with a soft octave, each note decaying.
 */
public final class Chime {

    private static final int RATE = 48_000;
    private static final PcmFrame DING_DONG = render();

    private Chime() {
    }

    public static PcmFrame dingDong() {
        return DING_DONG;
    }

    private static PcmFrame render() {
        double[] notes = {659.25, 523.25};
        int noteLength = (int) (0.65 * RATE);
        short[] samples = new short[noteLength * notes.length + RATE / 4];
        for (int n = 0; n < notes.length; n++) {
            for (int i = 0; i < noteLength; i++) {
                double t = (double) i / RATE;
                double attack = Math.min(1.0, t / 0.005);
                double envelope = attack * Math.exp(-t * 4.0);
                double wave = Math.sin(2 * Math.PI * notes[n] * t) + 0.3 * Math.sin(2 * Math.PI * 2 * notes[n] * t);
                samples[n * noteLength + i] = (short) Math.round(envelope * wave * 0.5 * Short.MAX_VALUE / 1.3);
            }
        }
        return new PcmFrame(samples, RATE, 0);
    }
}
