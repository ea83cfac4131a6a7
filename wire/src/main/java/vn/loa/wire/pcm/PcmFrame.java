package vn.loa.wire.pcm;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A run of mono 16-bit linear PCM samples at a stated sample rate: the unit every stage of the pipeline passes on.
 *
 * <p>{@code timestamp} is the index of the first sample counted from the start of the stream, in samples at
 * {@code sampleRate}; sample counts are exact where nanoseconds would round. Frames are values: whoever builds one
 * hands over its array and must not change it afterwards (no copy is made, because frames flow 50 times a second
 * per stream).
 */
public record PcmFrame(short[] samples, int sampleRate, long timestamp) {

    public PcmFrame {
        Objects.requireNonNull(samples, "samples");
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        if (timestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative: " + timestamp);
        }
    }

    /** A frame of {@code length} samples of silence. */
    public static PcmFrame silence(int length, int sampleRate, long timestamp) {
        return new PcmFrame(new short[length], sampleRate, timestamp);
    }

    /** Every sample a source gives until it ends, in one array; the source is closed. For whole files. */
    public static short[] drain(MediaSource<PcmFrame> source) {
        short[] all = new short[0];
        int length = 0;
        try (source) {
            for (PcmFrame frame = source.pull(); frame != null; frame = source.pull()) {
                if (length + frame.length() > all.length) {
                    all = Arrays.copyOf(all, Math.max(length + frame.length(), all.length * 2));
                }
                System.arraycopy(frame.samples(), 0, all, length, frame.length());
                length += frame.length();
            }
        }
        return Arrays.copyOf(all, length);
    }

    /** Number of samples in this frame. */
    public int length() {
        return samples.length;
    }

    /** Size of the samples as 16-bit PCM, in bytes. */
    public int byteCount() {
        return samples.length * 2;
    }

    /** Timestamp of the sample just after this frame. */
    public long endTimestamp() {
        return timestamp + samples.length;
    }

    /** How long this frame plays. */
    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / sampleRate);
    }

    /** When this frame starts, from the start of the stream. */
    public Duration start() {
        return Duration.ofNanos(timestamp * 1_000_000_000L / sampleRate);
    }

    /** This frame's samples restamped to start at {@code newTimestamp}. */
    public PcmFrame withTimestamp(long newTimestamp) {
        return new PcmFrame(samples, sampleRate, newTimestamp);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PcmFrame f
                && sampleRate == f.sampleRate
                && timestamp == f.timestamp
                && Arrays.equals(samples, f.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(samples), sampleRate, timestamp);
    }

    @Override
    public String toString() {
        return "PcmFrame[" + samples.length + " samples @" + sampleRate + " Hz, ts=" + timestamp + "]";
    }
}
