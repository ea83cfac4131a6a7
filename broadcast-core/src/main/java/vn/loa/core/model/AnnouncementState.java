package vn.loa.core.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an announcement is in its life: {@code DRAFT → SUBMITTED → APPROVED → SCHEDULED → ON_AIR → DONE}, with
 * {@code CANCELLED} and {@code FAILED} as the other ends.
 *
 * <p>The allowed moves live here and nowhere else, so every caller (HTTP, scheduler, hotline) obeys one rule set.
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

    /** True when an announcement in this state may move to {@code next}. */
    public boolean canMoveTo(AnnouncementState next) {
        return NEXT.get(this).contains(next);
    }

    /** True for the states an announcement never leaves. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
