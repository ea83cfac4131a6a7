package vn.loa.wire.pcm;

/**
 * A bank of windowed-sinc low-pass filters, one per fractional position between input samples, for resampling
 * from one rate to another.
 *
 * <p>Immutable and thread-safe once built. The cut-off sits at 90% of the lower Nyquist frequency of the two rates
 * so that speech keeps everything up to 3.6 kHz at 8 kHz output while images above Nyquist fall under the Blackman
 * window's stop band (about -70 dB).
 */
final class SincKernel {

    /** Zero crossings of the sinc on each side: the filter's length in units of the cut-off period. */
    private static final int ZERO_CROSSINGS = 16;
    private static final double ROLL_OFF = 0.90;
    /** Above this many phases the fractional position is rounded to the nearest of this many. */
    static final int MAX_PHASES = 1024;

    private final int halfWidth;
    private final int phases;
    private final double[][] taps;

    SincKernel(int inputRate, int outputRate, int phases) {
        // Cut-off in cycles per input sample.
        double cutoff = 0.5 * ROLL_OFF * Math.min(1.0, (double) outputRate / inputRate);
        this.halfWidth = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        this.phases = phases;
        this.taps = new double[phases][2 * halfWidth];
        for (int p = 0; p < phases; p++) {
            double fraction = (double) p / phases;
            double sum = 0;
            for (int k = 0; k < 2 * halfWidth; k++) {
                // Tap k weighs input sample (i - halfWidth + 1 + k) for an output at position i + fraction.
                double t = fraction - (k - halfWidth + 1);
                double value = 2 * cutoff * sinc(2 * cutoff * t) * blackman(t / halfWidth);
                taps[p][k] = value;
                sum += value;
            }
            // Normalise each phase to unity gain at DC so a constant stays constant whatever the fraction.
            for (int k = 0; k < 2 * halfWidth; k++) {
                taps[p][k] /= sum;
            }
        }
    }

    /** Input samples needed on each side of an output position. */
    int halfWidth() {
        return halfWidth;
    }

    int phases() {
        return phases;
    }

    /** The taps for the given phase; the caller must not change them. */
    double[] taps(int phase) {
        return taps[phase];
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double blackman(double x) {
        if (Math.abs(x) >= 1) {
            return 0;
        }
        return 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
    }
}
