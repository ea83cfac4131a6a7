package vn.loa.server.hotline;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a number calling from one address is turned away after wrong PINs: not at all below {@code attempts} in a
 * row, then {@code base}, doubling with each further wrong PIN, at most an hour. A back-off ends by itself (an admin
 * may end it sooner), so guessing is slowed to a few tries an hour without ever locking the leader out for good.
 */
record PinBackoff(int attempts, Duration base) {

    static final Duration LONGEST = Duration.ofHours(1);

    /** The back-off after {@code failures} wrong PINs in a row; empty when the pair may still try. */
    Optional<Duration> after(int failures) {
        if (failures < attempts) {
            return Optional.empty();
        }
        int doublings = Math.min(failures - attempts, 20);
        Duration wait = base.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
    }
}
