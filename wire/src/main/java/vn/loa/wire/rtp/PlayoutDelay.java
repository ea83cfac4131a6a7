package vn.loa.wire.rtp;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long a jitter buffer holds packets, measured from the stream rather than fixed: the spread of recent transit
 * times (arrival time minus the RTP timestamp), from the fastest packet to a high percentile, plus a margin, bounded.
 *
 * <p>Pure and not thread-safe: its buffer feeds it each packet's transit time and how much audio the packet holds.
 * The target rises at once when a packet comes later than the delay allows (the next burst is then absorbed) and
 * falls once the late ones have left the window, by a thirty-second of the excess per 20 ms of audio (at least
 * {@link #SHRINK_PER_PACKET} per 20 ms): a quieter link brings the delay down within a few seconds, and a sender that
 * started with a burst (its first packets look late against the rest) does not leave it high for long. Falling only
 * makes waiting packets due sooner; none is dropped for it. The window and the fall are measured in audio time, not
 * packets, so a stream of 60 ms Opus packets (4G zones, ADR 0054) adapts as fast as one of 20 ms packets.
 */
public final class PlayoutDelay {

    /** Transit times remembered at most: about 5 s of 20 ms packets. */
    static final int WINDOW = 256;
    /** The audio time the window covers, whatever the packet time: 5.12 s (256 packets of 20 ms, 85 of 60 ms). */
    static final long WINDOW_NANOS = Duration.ofMillis(5120).toNanos();
    /** The packet time the per-packet figures below are stated for. */
    static final long REFERENCE_PACKET = Duration.ofMillis(20).toNanos();
    /** The share of recent packets the delay should be in time for. */
    static final double PERCENTILE = 0.98;
    /** Added to the measured spread: a little headroom over what was seen. */
    static final long MARGIN = Duration.ofMillis(10).toNanos();
    /** The least the delay falls per packet while above its target: 0.5 ms, 25 ms a second at 20 ms packets. */
    static final long SHRINK_PER_PACKET = Duration.ofNanos(500_000).toNanos();
    /** The excess over the target shrinks by 1/32 a packet: a time constant of about 0.6 s at 20 ms packets. */
    static final int SHRINK_DIVISOR = 32;

    private final long min;
    private final long max;
    private final long[] transits = new long[WINDOW];
    private final long[] sorted = new long[WINDOW];
    private int count;
    private int next;
    private long delay;
    private long floor;
    /** When a packet of transit time 0 plays: the floor plus the delay, moved up at once and down gently. */
    private long offset;

    /**
     * @param min the shortest delay, whatever the link (a loaded receiver needs some)
     * @param initial the delay before anything is measured
     * @param max the longest: a link worse than this loses packets rather than delaying audio further
     */
    public PlayoutDelay(Duration min, Duration initial, Duration max) {
        if (min.isNegative() || min.compareTo(initial) > 0 || initial.compareTo(max) > 0) {
            throw new IllegalArgumentException("need 0 <= min <= initial <= max: " + min + ", " + initial + ", " + max);
        }
        this.min = min.toNanos();
        this.max = max.toNanos();
        this.delay = initial.toNanos();
        this.offset = delay;
    }

    /** A delay that never moves. */
    public static PlayoutDelay fixed(Duration delay) {
        return new PlayoutDelay(delay, delay, delay);
    }

    /** Counts one 20 ms packet's transit time (nanoseconds, relative to any fixed origin) and moves the delay. */
    public void observe(long transit) {
        observe(transit, REFERENCE_PACKET);
    }

    /**
     * Counts one packet's transit time (nanoseconds, relative to any fixed origin) and moves the delay.
     *
     * @param packetNanos the audio the packet holds (20, 40 or 60 ms of Opus): the window keeps the packets of the
     *     last {@link #WINDOW_NANOS} of audio, and the delay falls in proportion to the audio time that passed
     */
    public void observe(long transit, long packetNanos) {
        long span = packetNanos > 0 ? packetNanos : REFERENCE_PACKET;
        transits[next] = transit;
        next = (next + 1) % WINDOW;
        count = Math.min(count + 1, WINDOW);
        int kept = (int) Math.min(count, Math.max(8, WINDOW_NANOS / span));
        for (int i = 0; i < kept; i++) {
            sorted[i] = transits[Math.floorMod(next - 1 - i, WINDOW)]; // the newest {@code kept}
        }
        Arrays.sort(sorted, 0, kept);
        floor = sorted[0];
        long spread = sorted[Math.max(0, (int) Math.ceil(PERCENTILE * kept) - 1)] - floor;
        long target = floor + Math.max(min, Math.min(max, spread + MARGIN));
        if (target >= offset) {
            offset = target;
        } else {
            double steps = (double) span / REFERENCE_PACKET; // how many 20 ms packets' worth of falling this is
            long excess = offset - target;
            long fall = span == REFERENCE_PACKET ? excess / SHRINK_DIVISOR
                    : excess - (long) (excess * Math.pow(1 - 1.0 / SHRINK_DIVISOR, steps));
            offset = Math.max(target, offset - Math.max((long) (SHRINK_PER_PACKET * steps), fall));
        }
        delay = offset - floor;
    }

    /** Forgets what was measured (the stream's timing jumped), keeping the delay reached. */
    public void restart() {
        count = 0;
        next = 0;
        floor = 0;
        offset = delay;
    }

    /** The smallest transit time in the window: the path's fastest, from which the delay counts. */
    public long floor() {
        return floor;
    }

    /** How long after its timestamp (on the transit times' origin) a packet plays, in nanoseconds. */
    public long offset() {
        return offset;
    }

    /** The delay now, over the fastest recent packet, in nanoseconds. */
    public long nanos() {
        return delay;
    }

    /** The longest delay allowed, in nanoseconds. */
    public long maxNanos() {
        return max;
    }
}
