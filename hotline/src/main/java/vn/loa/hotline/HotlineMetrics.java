package vn.loa.hotline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the hotline since start: calls answered, refused (unknown or locked number) and INVITEs throttled; and
 * when the last caller pressed the key that put them on air, for the benchmark.
 */
public final class HotlineMetrics {

    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong lastLiveDigit = new AtomicLong();

    public long answered() {
        return answered.get();
    }

    public long refused() {
        return refused.get();
    }

    public long throttled() {
        return throttled.get();
    }

    /** When ({@link System#nanoTime()}) the last key that put a caller on air arrived; 0 before any. */
    public long lastLiveDigitNanos() {
        return lastLiveDigit.get();
    }
}
