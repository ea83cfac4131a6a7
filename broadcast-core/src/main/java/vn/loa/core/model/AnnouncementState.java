package vn.loa.core.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an announcement is in its life: {@code DRAFT → SUBMITTED → APPROVED → SCHEDULED → ON_AIR → DONE}, with
 * {@code CANCELLED} and {@code FAILED} as the other ends.
 *
 * <p>The allowed moves live here and nowhere else, so every caller (HTTP, scheduler, hotline) obeys one rule set. A
 * recurring announcement (one with a cron) has three moves more, taken by Loa alone between its airings (ADR 0031):
 * back from DONE or FAILED to SCHEDULED for the next airing, and from SCHEDULED to DONE when its series ends.
 */
public enum AnnouncementState {
    DRAFT, SUBMITTED, APPROVED, SCHEDULED, ON_AIR, DONE, CANCELLED, FAILED;

    private static final Map<AnnouncementState, Set<AnnouncementState>> NEXT = Map.of(
            DRAFT, EnumSet.of(SUBMITTED, APPROVED, CANCELLED),
            // A rejected notice goes back to its author as a draft.
            SUBMITTED, EnumSet.of(APPROVED, DRAFT, CANCELLED),
            APPROVED, EnumSet.of(SCHEDULED, ON_AIR, CANCELLED),
            SCHEDULED, EnumSet.of(ON_AIR, CANCELLED, FAILED),
            ON_AIR, EnumSet.of(DONE, CANCELLED, FAILED),
            DONE, EnumSet.noneOf(AnnouncementState.class),
            CANCELLED, EnumSet.noneOf(AnnouncementState.class),
            FAILED, EnumSet.noneOf(AnnouncementState.class));

    /** The moves only a recurring announcement makes: waiting again after an airing, and ending its series. */
    private static final Map<AnnouncementState, Set<AnnouncementState>> NEXT_WHEN_RECURRING = Map.of(
            SCHEDULED, EnumSet.of(DONE),
            DONE, EnumSet.of(SCHEDULED),
            FAILED, EnumSet.of(SCHEDULED));

    /** True when an announcement in this state may move to {@code next}. */
    public boolean canMoveTo(AnnouncementState next) {
        return NEXT.get(this).contains(next);
    }

    /** True when an announcement in this state may move to {@code next}, given whether it recurs (has a cron). */
    public boolean canMoveTo(AnnouncementState next, boolean recurring) {
        return canMoveTo(next) || recurring && NEXT_WHEN_RECURRING.getOrDefault(this, Set.of()).contains(next);
    }

    /** True for the states a one-off announcement never leaves. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
