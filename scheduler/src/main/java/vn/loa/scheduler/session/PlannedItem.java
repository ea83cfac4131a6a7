package vn.loa.scheduler.session;

import java.time.Duration;

/**
 * One item of a session's run order.
 *
 * @param ref what it plays: an audio id, a notice id, a relay URL, or the time signal's text
 * @param offset when it is planned to start, from the session's start
 * @param length how long it is planned to play (a cut item plays no longer)
 * @param fixed true when it starts at its fixed time (a relay with a time): the air waits for it if early
 * @param cut true when the overrun rule cut it to {@code length}
 */
public record PlannedItem(ItemKind kind, String ref, String title, Duration offset, Duration length, boolean fixed,
        boolean cut) {

    /** The kinds of item a session airs. */
    public enum ItemKind { JINGLE, TIME_SIGNAL, NOTICE, RECORDING, RELAY, SILENCE }

    /** When it is planned to end. */
    public Duration end() {
        return offset.plus(length);
    }

    PlannedItem cutTo(Duration newLength) {
        return new PlannedItem(kind, ref, title, offset, newLength, fixed, true);
    }
}
