package vn.loa.core.arbiter;

import java.time.Instant;

/**
 * One change in what a zone hears, as recorded for the delivery log and the province's reports.
 *
 * @param claim the programme the event is about
 * @param cause the programme that caused it (the preempting one for {@code PREEMPTED}), or {@code null}
 */
public record ArbiterEvent(String zone, Instant at, Kind kind, Claim claim, Claim cause) {

    /** What happened to {@link #claim} in the zone. */
    public enum Kind {
        /** Waiting for the zone. */
        QUEUED,
        /** On air from its beginning. */
        STARTED,
        /** Taken off air by {@link #cause}. */
        PREEMPTED,
        /** Back on air where it was cut off. */
        RESUMED,
        /** Back on air from its beginning after being cut off. */
        RESTARTED,
        /** Cut off for good, by its policy. */
        DROPPED,
        /** Played to its end. */
        FINISHED,
        /** Taken back before it ended (cancelled by a clerk, caller hung up). */
        WITHDRAWN
    }
}
