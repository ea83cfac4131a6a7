package vn.loa.server.alert;

import java.time.Duration;
import java.time.Instant;
import vn.loa.core.model.AnnouncementState;

/**
 * The rule that says whether an alert airs again now (ADR 0051): only after its last airing ended, once the pause has
 * passed, while airings are left and before {@code <expires>}. A last airing that was cancelled (by a clerk, a Cancel
 * or an Update) ends the series. Pure: the caller gives the time.
 */
final class AlertRepeat {

    /** What to do with an alert's series now. */
    enum Next { WAIT, AIR, STOP }

    private AlertRepeat() {
    }

    /**
     * @param left      airings still to come
     * @param expires   the alert's end, or null
     * @param last      the state of its last airing
     * @param lastEnded when that airing reached its state (meaningful once it is final)
     */
    static Next decide(Instant now, int left, Instant expires, Duration pause, AnnouncementState last,
            Instant lastEnded) {
        if (left <= 0 || expires != null && !now.isBefore(expires) || last == AnnouncementState.CANCELLED) {
            return Next.STOP;
        }
        if (!last.isFinal()) {
            return Next.WAIT;
        }
        Instant due = lastEnded.plus(pause);
        if (expires != null && !due.isBefore(expires)) {
            return Next.STOP;
        }
        return now.isBefore(due) ? Next.WAIT : Next.AIR;
    }
}
