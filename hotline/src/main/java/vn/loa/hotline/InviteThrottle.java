package vn.loa.hotline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Limits new calls per source address with a token bucket: {@code perSecond} sustained, a burst of twice that. An
 * INVITE flood is answered 503 at the cost of a map lookup, before any database or media work. Thread-safe.
 */
final class InviteThrottle {

    private static final int MAX_ADDRESSES = 10_000;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanos;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    InviteThrottle(int perSecond, LongSupplier nanos) {
        this.perSecond = perSecond;
        this.burst = perSecond * 2.0;
        this.nanos = nanos;
    }

    /** True when a call from {@code address} may proceed now. */
    boolean allow(String address) {
        if (buckets.size() > MAX_ADDRESSES) {
            buckets.clear(); // a spoofed-address flood must not grow memory without bound
        }
        long now = nanos.getAsLong();
        double[] bucket = buckets.computeIfAbsent(address, a -> new double[] {burst, now});
        synchronized (bucket) {
            bucket[0] = Math.min(burst, bucket[0] + (now - bucket[1]) / 1e9 * perSecond);
            bucket[1] = now;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
