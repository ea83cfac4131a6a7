package vn.loa.bench.fanout;

/**
 * A histogram of durations in 10 µs buckets up to one second, so percentiles of millions of packet times cost a few
 * array increments and no storage per sample.
 *
 * <p>Not thread-safe: one writer, read after the writer is done (or under the writer's lock).
 */
final class LatencyHistogram {

    private static final long BUCKET_NANOS = 10_000;
    private final long[] buckets = new long[100_000];
    private long count;
    private long max;

    void record(long nanos) {
        long clamped = Math.max(0, nanos);
        buckets[(int) Math.min(buckets.length - 1, clamped / BUCKET_NANOS)]++;
        count++;
        max = Math.max(max, clamped);
    }

    void clear() {
        java.util.Arrays.fill(buckets, 0);
        count = 0;
        max = 0;
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] += other.buckets[i];
        }
        count += other.count;
        max = Math.max(max, other.max);
    }

    long count() {
        return count;
    }

    /** The upper edge of the bucket holding quantile {@code q}, in milliseconds; 0 when empty. */
    double percentileMs(double q) {
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i];
            if (seen >= rank && seen > 0) {
                return Math.min(max, (i + 1) * BUCKET_NANOS) / 1e6;
            }
        }
        return 0;
    }

    double maxMs() {
        return max / 1e6;
    }
}
