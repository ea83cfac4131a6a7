package vn.loa.scheduler.session;

/** The kinds of part a session template lists. */
public enum PartKind {
    /** An uploaded jingle (nhạc hiệu), opening or closing. */
    JINGLE,
    /** The time spoken by the speech engine: "Bây giờ là 6 giờ". */
    TIME_SIGNAL,
    /** The day's approved notices for the zone, in priority order. */
    NOTICES,
    /** One uploaded recording. */
    RECORDING,
    /** Recordings picked by tag, age and length to fill a slot ({@link SmartBlock}). */
    SMART_BLOCK,
    /** A relay of a national or provincial programme at its fixed time, for a fixed length. */
    RELAY
}
