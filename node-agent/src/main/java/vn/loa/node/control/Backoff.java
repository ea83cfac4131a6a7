package vn.loa.node.control;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a node waits before it tries the server again: doubling from a first delay up to a ceiling, each wait
 * drawn at random from its upper half.
 *
 * <p>Not thread-safe: owned by the control channel's event loop. The randomness matters at scale: when the server
 * restarts, a whole province of nodes lose it in the same second, and without jitter they would all come back in the
 * same second too.
 */
public final class Backoff {

    private final long initial;
    private final long ceiling;
    private final RandomGenerator random;
    private int attempts;

    public Backoff(Duration initial, Duration ceiling, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || ceiling.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= ceiling: " + initial + ", " + ceiling);
        }
        this.initial = initial.toMillis();
        this.ceiling = ceiling.toMillis();
        this.random = random;
    }

    /** The wait before the next attempt; each call doubles the base until it reaches the ceiling. */
    public Duration next() {
        long base = initial << Math.min(attempts, 30);
        if (base <= 0 || base > ceiling) {
            base = ceiling;
        }
        attempts++;
        return jittered(base);
    }

    /** A wait near the ceiling, for a server that answered but refused: retrying fast would not change its mind. */
    public Duration slow() {
        attempts = 31;
        return jittered(ceiling);
    }

    /** Starts again from the first delay, once a connection has proved stable. */
    public void reset() {
        attempts = 0;
    }

    private Duration jittered(long base) {
        long half = base / 2;
        return Duration.ofMillis(base - half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
