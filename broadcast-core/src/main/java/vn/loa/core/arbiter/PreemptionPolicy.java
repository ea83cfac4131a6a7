package vn.loa.core.arbiter;

/** What becomes of a programme when something more urgent takes its zone. */
public enum PreemptionPolicy {
    /** Waits and carries on from where it was cut off (a music relay, a long programme). */
    RESUME,
    /** Waits and starts again from the beginning, so the notice is heard whole (most announcements). */
    RESTART,
    /** Gives the zone up for good (a time signal, anything that is stale once missed). */
    DROP
}
