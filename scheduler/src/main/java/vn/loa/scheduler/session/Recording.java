package vn.loa.scheduler.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * An uploaded recording as a smart block sees it.
 *
 * @param lastAired when a session last aired it, or null when never
 */
public record Recording(String id, String name, Set<String> tags, Instant createdAt, Duration length,
        Instant lastAired) {

    public Recording {
        tags = Set.copyOf(tags);
    }
}
