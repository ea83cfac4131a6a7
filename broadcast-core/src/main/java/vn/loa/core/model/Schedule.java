package vn.loa.core.model;

import java.time.Instant;

/**
 * When an announcement should air: once at {@code at}, or on a cron expression until {@code until}; all null means now.
 * {@code duration} (optional) is how long each airing lasts: a relay's window; null means until done.
 */
public record Schedule(Instant at, String cron, Instant until, java.time.Duration duration) {

    /** A schedule whose airings last until done. */
    public Schedule(Instant at, String cron, Instant until) {
        this(at, cron, until, null);
    }

    /** True when nothing asks for a later time, so the announcement airs as soon as it is broadcast. */
    public boolean isImmediate(Instant now) {
        return cron == null && (at == null || !at.isAfter(now));
    }
}
