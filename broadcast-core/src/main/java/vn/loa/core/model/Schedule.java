package vn.loa.core.model;

import java.time.Instant;

/**
 * When an announcement should air: once at {@code at}, or on a cron expression until {@code until}; all null means now.
 */
public record Schedule(Instant at, String cron, Instant until) {

    /** True when nothing asks for a later time, so the announcement airs as soon as it is broadcast. */
    public boolean isImmediate(Instant now) {
        return cron == null && (at == null || !at.isAfter(now));
    }
}
