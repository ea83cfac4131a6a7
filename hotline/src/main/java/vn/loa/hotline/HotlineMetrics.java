package vn.loa.hotline;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the hotline since start: calls answered, refused (unknown or locked number) and INVITEs throttled. */
public final class HotlineMetrics {

    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();

    public long answered() {
        return answered.get();
    }

    public long refused() {
        return refused.get();
    }

    public long throttled() {
        return throttled.get();
    }
}
