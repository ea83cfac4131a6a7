package vn.loa.scheduler.session;

import java.time.Duration;
import java.time.Instant;

/**
 * What a smart block may pick: recordings with {@code tag}, uploaded within {@code maxAge} (null: any age), not aired
 * within {@code noRepeat} (null: repeats allowed), each at most {@code maxLength} long (null: any).
 */
public record BlockRule(String tag, Duration maxAge, Duration noRepeat, Duration maxLength) {

    /** Whether {@code r} may be picked at {@code now}. */
    public boolean allows(Recording r, Instant now) {
        return r.tags().contains(tag)
                && !r.length().isZero() && !r.length().isNegative()
                && (maxAge == null || !r.createdAt().isBefore(now.minus(maxAge)))
                && (noRepeat == null || r.lastAired() == null || r.lastAired().isBefore(now.minus(noRepeat)))
                && (maxLength == null || r.length().compareTo(maxLength) <= 0);
    }
}
