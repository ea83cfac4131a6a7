package vn.loa.server.schedule;

/** What became of one due airing of a scheduled announcement. */
public enum FiringOutcome {
    /** Handed to the air at its time (or late, within the late limit). */
    FIRED,
    /** Due, but not aired: the announcement was not waiting to air (still on air from its last airing, say). */
    SKIPPED,
    /** Due while the server was down for longer than the late limit: not aired, reported. */
    MISSED
}
