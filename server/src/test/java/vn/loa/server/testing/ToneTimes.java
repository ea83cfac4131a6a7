package vn.loa.server.testing;

/**
 * When a tone is first heard in a stream of 8 kHz samples that arrive over time: each 20 ms window is weighed at two
 * frequencies (Goertzel), and the first window where {@code hertz} clearly dominates the other gives its arrival.
 * For tests that compare when two receivers hear one switch of programme (a 440 Hz programme cut by a 1 kHz alert).
 *
 * <p>Fed by one thread; read by another once fed.
 */
public final class ToneTimes {

    private static final int WINDOW = 160;
    private final double hertz;
    private final double other;
    private final short[] window = new short[WINDOW];
    private int filled;
    private volatile long firstHeard = -1;

    public ToneTimes(double hertz, double other) {
        this.hertz = hertz;
        this.other = other;
    }

    /** Samples that arrived at {@code arrival} (monotonic nanoseconds). */
    public void samples(short[] samples, int count, long arrival) {
        for (int i = 0; i < count; i++) {
            window[filled++] = samples[i];
            if (filled == WINDOW) {
                filled = 0;
                if (firstHeard < 0 && dominates()) {
                    firstHeard = arrival;
                }
            }
        }
    }

    /** When the tone was first heard, or -1. */
    public long firstHeard() {
        return firstHeard;
    }

    private boolean dominates() {
        double wanted = power(hertz);
        return wanted > 1e10 && wanted > 10 * power(other);
    }

    private double power(double frequency) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / 8000);
        double s1 = 0;
        double s2 = 0;
        for (short sample : window) {
            double s = sample + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return s1 * s1 + s2 * s2 - coefficient * s1 * s2;
    }
}
