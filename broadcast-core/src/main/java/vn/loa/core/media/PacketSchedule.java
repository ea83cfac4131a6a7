package vn.loa.core.media;

import java.time.Duration;

/**
 * The time line packets leave on: deadline {@code n} is {@code anchor + n * interval}, so lateness in one wake-up is
 * never carried into the next (no drift), and a stall longer than the catch-up limit moves the anchor instead of
 * bursting the backlog.
 *
 * <p>Not thread-safe: owned by one pacing thread.
 */
final class PacketSchedule {

    private final long interval;
    private final long catchUpLimit;
    private long anchor;
    private long reanchors;

    PacketSchedule(long anchor, Duration interval, Duration catchUpLimit) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.anchor = anchor;
        this.interval = interval.toNanos();
        this.catchUpLimit = catchUpLimit.toNanos();
    }

    /** When packet {@code n} is due. */
    long deadline(long n) {
        return anchor + n * interval;
    }

    /** If packet {@code n} is more than the catch-up limit late at {@code now}, makes it due now instead. */
    void reanchorIfStalled(long n, long now) {
        if (now - deadline(n) > catchUpLimit) {
            anchor = now - n * interval;
            reanchors++;
        }
    }

    long reanchors() {
        return reanchors;
    }
}
