package vn.loa.server.announcement;

import java.time.Instant;

/** One recorded state change of an announcement: from, to, who, why and when. {@code from} is null at creation. */
public record Transition(String from, String to, String actor, String reason, Instant at) {
}
