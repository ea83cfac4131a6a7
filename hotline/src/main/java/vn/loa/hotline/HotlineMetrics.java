package vn.loa.hotline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the hotline since start: calls answered, refused (unknown or locked number, failed authentication),
 * challenged and busy, INVITEs throttled, PIN timeouts, SIP/TCP connections refused or closed idle; and
 * when the last caller pressed the key that put them on air, for the benchmark.
 */
public final class HotlineMetrics {

    final AtomicLong answered = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    final AtomicLong lastLiveDigit = new AtomicLong();
    final AtomicLong challenged = new AtomicLong();
    final AtomicLong busy = new AtomicLong();
    final AtomicLong pinTimeouts = new AtomicLong();
    final AtomicLong tcpRefused = new AtomicLong();
    final AtomicLong tcpIdleClosed = new AtomicLong();

    public long answered() {
        return answered.get();
    }

    public long refused() {
        return refused.get();
    }

    public long throttled() {
        return throttled.get();
    }

    /** INVITEs answered with a digest challenge (401). */
    public long challenged() {
        return challenged.get();
    }

    /** Calls answered busy: every slot taken, or too many unauthenticated calls waiting for their PIN. */
    public long busy() {
        return busy.get();
    }

    /** Calls hung up because their PIN was not accepted in time. */
    public long pinTimeouts() {
        return pinTimeouts.get();
    }

    /** SIP/TCP connections closed on accept because their address had its share open. */
    public long tcpRefused() {
        return tcpRefused.get();
    }

    /** SIP/TCP connections closed after staying idle without a call. */
    public long tcpIdleClosed() {
        return tcpIdleClosed.get();
    }

    /** When ({@link System#nanoTime()}) the last key that put a caller on air arrived; 0 before any. */
    public long lastLiveDigitNanos() {
        return lastLiveDigit.get();
    }
}
