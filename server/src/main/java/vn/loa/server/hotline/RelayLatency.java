package vn.loa.server.hotline;

import java.util.Arrays;

/**
 * How long callers' audio waited in Loa before it went into a zone's packet: from the RTP packet's arrival at the
 * hotline to the pull that sends it. Keeps the last 100,000 values; thread-safe.
 */
public final class RelayLatency {

    private final long[] values = new long[100_000];
    private int count;
    private long total;

    synchronized void record(long nanos) {
        values[count % values.length] = nanos;
        count++;
        total++;
    }

    /** The values recorded since the last call, in nanoseconds, and forgets them. */
    public synchronized long[] drain() {
        long[] out = Arrays.copyOf(values, Math.min(count, values.length));
        count = 0;
        return out;
    }

    public synchronized long total() {
        return total;
    }
}
