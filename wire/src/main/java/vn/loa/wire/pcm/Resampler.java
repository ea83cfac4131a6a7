package vn.loa.wire.pcm;

import java.util.Arrays;

/**
 * A streaming sample-rate converter for one stream of PCM frames, by polyphase windowed-sinc interpolation.
 *
 * <p>Not thread-safe: one instance per stream, fed in order. It holds back {@link SincKernel#halfWidth()} input
 * samples of look-ahead, which {@link #flush()} releases at the end of the stream. Output frames carry timestamps
 * counted in output samples from the first output sample.
 */
public final class Resampler {

    private final int inputRate;
    private final int outputRate;
    /** Output position n sits at input position n * step / interpolation. */
    private final long interpolation;
    private final long step;
    private final SincKernel kernel;

    /** Input samples kept, starting at absolute input index {@code bufferStart}. */
    private short[] buffer;
    private long bufferStart;
    private long inputEnd;
    private long nextOutput;
    private boolean flushed;

    public Resampler(int inputRate, int outputRate) {
        if (inputRate <= 0 || outputRate <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + inputRate + " -> " + outputRate);
        }
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        long gcd = gcd(inputRate, outputRate);
        this.interpolation = outputRate / gcd;
        this.step = inputRate / gcd;
        this.kernel = new SincKernel(inputRate, outputRate, (int) Math.min(interpolation, SincKernel.MAX_PHASES));
        // Start with half a filter of silence before the first sample, so output sample 0 lines up with input 0.
        this.bufferStart = -kernel.halfWidth();
        this.buffer = new short[kernel.halfWidth()];
        this.inputEnd = 0;
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /** Resamples one input frame; the result may be empty while the look-ahead fills. */
    public PcmFrame process(PcmFrame input) {
        if (flushed) {
            throw new IllegalStateException("resampler already flushed at the end of its stream");
        }
        if (input.sampleRate() != inputRate) {
            throw new IllegalArgumentException("expected " + inputRate + " Hz, got " + input.sampleRate());
        }
        append(input.samples());
        return produce(inputEnd - kernel.halfWidth());
    }

    /** Releases the held-back tail at the end of the stream, as if silence followed; call it once, last. */
    public PcmFrame flush() {
        long lastInput = inputEnd;
        flushed = true;
        append(new short[kernel.halfWidth()]);
        // Stop at the output position of the end of the real input: ceil(inputEnd * L / M) samples in all.
        long outputs = ceilDiv(lastInput * interpolation, step);
        return produce(Long.MAX_VALUE, outputs);
    }

    private PcmFrame produce(long lastUsableCentre) {
        return produce(lastUsableCentre, Long.MAX_VALUE);
    }

    private PcmFrame produce(long lastUsableCentre, long outputLimit) {
        int half = kernel.halfWidth();
        long firstOutput = nextOutput;
        short[] out = new short[Math.max(0, (int) (estimateOutputs(lastUsableCentre, outputLimit)))];
        int count = 0;
        while (nextOutput < outputLimit) {
            long position = nextOutput * step;
            long centre = Math.floorDiv(position, interpolation);
            if (centre > lastUsableCentre || centre + half >= inputEnd) {
                break;
            }
            long remainder = position - centre * interpolation;
            int phase = (int) (remainder * kernel.phases() / interpolation);
            double[] taps = kernel.taps(phase);
            int base = (int) (centre - half + 1 - bufferStart);
            double acc = 0;
            for (int k = 0; k < taps.length; k++) {
                acc += taps[k] * buffer[base + k];
            }
            if (count == out.length) {
                out = Arrays.copyOf(out, out.length * 2 + 16);
            }
            out[count++] = clip(acc);
            nextOutput++;
        }
        discardBefore(Math.floorDiv(nextOutput * step, interpolation) - half + 1);
        return new PcmFrame(count == out.length ? out : Arrays.copyOf(out, count), outputRate, firstOutput);
    }

    private long estimateOutputs(long lastUsableCentre, long outputLimit) {
        long centre = Math.min(lastUsableCentre, inputEnd);
        long estimate = ceilDiv((centre + 1) * interpolation, step) - nextOutput;
        return Math.max(0, Math.min(estimate, outputLimit - nextOutput));
    }

    private void append(short[] samples) {
        short[] grown = Arrays.copyOf(buffer, buffer.length + samples.length);
        System.arraycopy(samples, 0, grown, buffer.length, samples.length);
        buffer = grown;
        inputEnd += samples.length;
    }

    private void discardBefore(long absoluteIndex) {
        int drop = (int) Math.max(0, Math.min(absoluteIndex - bufferStart, buffer.length));
        if (drop > 0) {
            buffer = Arrays.copyOfRange(buffer, drop, buffer.length);
            bufferStart += drop;
        }
    }

    private static short clip(double value) {
        long rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
