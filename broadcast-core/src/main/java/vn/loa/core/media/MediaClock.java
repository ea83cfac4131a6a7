package vn.loa.core.media;

import java.util.concurrent.locks.LockSupport;

/**
 * The monotonic clock that pacing runs on, so tests can drive time by hand instead of sleeping.
 *
 * <p>Implementations must be safe to read from any thread.
 */
public interface MediaClock {

    /** Monotonic time in nanoseconds from an arbitrary origin. */
    long nanoTime();

    /** Waits until {@link #nanoTime()} reaches {@code deadline}, or returns early if interrupted. */
    void waitUntil(long deadline);

    /** The system's monotonic clock; waits park the calling thread (a pacing thread, never an event loop). */
    static MediaClock system() {
        return SystemClock.INSTANCE;
    }

    /** The system clock as a named singleton. */
    enum SystemClock implements MediaClock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void waitUntil(long deadline) {
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(remaining);
            }
        }
    }
}
