package vn.loa.wire.pcm;

/** Test signals and the measurements a listener would make on them. */
public final class Signals {

    private Signals() {
    }

    /** A sine of {@code frequency} Hz at {@code amplitude} (0..1 of full scale), {@code length} samples long. */
    public static short[] sine(double frequency, double amplitude, int sampleRate, int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequency * i / sampleRate));
        }
        return samples;
    }

    /** Root mean square of samples {@code from} (inclusive) to {@code to} (exclusive), 0..1 of full scale. */
    public static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = samples[i] / 32768.0;
            sum += v * v;
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Largest magnitude in {@code samples}. */
    public static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    /** Amplitude (0..1 of full scale) of the {@code frequency} component, by the Goertzel algorithm. */
    public static double toneAmplitude(short[] samples, int from, int to, double frequency, int sampleRate) {
        double w = 2 * Math.PI * frequency / sampleRate;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = samples[i] / 32768.0 + coeff * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / (to - from);
    }

    /** Frequency estimated from upward zero crossings between {@code from} and {@code to}. */
    public static double zeroCrossingFrequency(short[] samples, int from, int to, int sampleRate) {
        int first = -1;
        int last = -1;
        int crossings = 0;
        for (int i = from + 1; i < to; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                if (first < 0) {
                    first = i;
                } else {
                    crossings++;
                }
                last = i;
            }
        }
        return crossings * (double) sampleRate / (last - first);
    }

    /** Concatenates frames' samples. */
    public static short[] concat(java.util.List<PcmFrame> frames) {
        int total = frames.stream().mapToInt(PcmFrame::length).sum();
        short[] all = new short[total];
        int at = 0;
        for (PcmFrame f : frames) {
            System.arraycopy(f.samples(), 0, all, at, f.length());
            at += f.length();
        }
        return all;
    }
}
