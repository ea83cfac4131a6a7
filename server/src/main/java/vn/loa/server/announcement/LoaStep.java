package vn.loa.server.announcement;

import vn.loa.core.model.AnnouncementState;

/**
 * A step Loa takes by itself on an announcement, named by what happened; the only moves the air, the schedule, the
 * relays and the hotline may ask of the {@link Lifecycle}. Each is checked against the transition table when taken.
 */
public enum LoaStep {
    /** It starts sounding (or every node that fetched it ahead will play it). */
    GOES_ON_AIR(AnnouncementState.SCHEDULED, AnnouncementState.ON_AIR, false),
    /** It was heard somewhere and has ended. */
    AIRED(AnnouncementState.ON_AIR, AnnouncementState.DONE, false),
    /** It could not go on air (no loudspeaker, quiet hours, no airing left, missed, the server stopped as it fired). */
    FAILS_WAITING(AnnouncementState.SCHEDULED, AnnouncementState.FAILED, false),
    /** It broke off on air (cut everywhere, the relay's upstream never answered, a restart interrupted it). */
    FAILS_ON_AIR(AnnouncementState.ON_AIR, AnnouncementState.FAILED, false),
    /** A hotline call, approved at creation, is handed to the air at once. */
    HANDED_TO_AIR(AnnouncementState.APPROVED, AnnouncementState.SCHEDULED, false),
    /** A recurring announcement's series ended while it waited: no airing is left. */
    SERIES_ENDS(AnnouncementState.SCHEDULED, AnnouncementState.DONE, true),
    /** A recurring announcement that aired waits for its next airing. */
    WAITS_AFTER_AIRING(AnnouncementState.DONE, AnnouncementState.SCHEDULED, true),
    /** A recurring announcement whose airing failed waits for its next airing. */
    WAITS_AFTER_FAILURE(AnnouncementState.FAILED, AnnouncementState.SCHEDULED, true);

    private final AnnouncementState from;
    private final AnnouncementState to;
    private final boolean recurringOnly;

    LoaStep(AnnouncementState from, AnnouncementState to, boolean recurringOnly) {
        this.from = from;
        this.to = to;
        this.recurringOnly = recurringOnly;
    }

    public AnnouncementState from() {
        return from;
    }

    public AnnouncementState to() {
        return to;
    }

    /** True for the steps the table allows a recurring announcement only. */
    public boolean recurringOnly() {
        return recurringOnly;
    }

    /** The step that makes a recurring announcement wait again after it ended in {@code ended}. */
    static LoaStep waitingAfter(AnnouncementState ended) {
        return ended == AnnouncementState.DONE ? WAITS_AFTER_AIRING : WAITS_AFTER_FAILURE;
    }
}
