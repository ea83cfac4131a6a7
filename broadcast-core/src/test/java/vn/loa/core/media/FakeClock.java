package vn.loa.core.media;

import java.util.function.LongUnaryOperator;

/**
 * A clock that tests move by hand; waiting jumps straight to the deadline plus a chosen scheduling lateness, the way
 * a busy machine wakes a thread a little late.
 */
public final class FakeClock implements MediaClock {

    private long now;
    private final LongUnaryOperator lateness;

    /** A clock whose waits end exactly on time. */
    public FakeClock() {
        this(deadline -> 0);
    }

    /** A clock whose wait for {@code deadline} ends {@code lateness.applyAsLong(deadline)} nanoseconds late. */
    public FakeClock(LongUnaryOperator lateness) {
        this.lateness = lateness;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void waitUntil(long deadline) {
        if (deadline > now) {
            now = deadline + lateness.applyAsLong(deadline);
        }
    }

    public void advanceNanos(long nanos) {
        now += nanos;
    }

    public void advanceMillis(long millis) {
        advanceNanos(millis * 1_000_000L);
    }
}
