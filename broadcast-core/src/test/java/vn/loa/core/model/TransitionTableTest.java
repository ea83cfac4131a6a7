package vn.loa.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.core.model.AnnouncementState.APPROVED;
import static vn.loa.core.model.AnnouncementState.CANCELLED;
import static vn.loa.core.model.AnnouncementState.DONE;
import static vn.loa.core.model.AnnouncementState.DRAFT;
import static vn.loa.core.model.AnnouncementState.FAILED;
import static vn.loa.core.model.AnnouncementState.ON_AIR;
import static vn.loa.core.model.AnnouncementState.SCHEDULED;
import static vn.loa.core.model.AnnouncementState.SUBMITTED;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walks every pair of states through the transition table, for one-off and for recurring announcements. */
class TransitionTableTest {

    private static final Set<List<AnnouncementState>> ONE_OFF = Set.of(
            List.of(DRAFT, SUBMITTED), List.of(DRAFT, APPROVED), List.of(DRAFT, CANCELLED),
            List.of(SUBMITTED, APPROVED), List.of(SUBMITTED, DRAFT), List.of(SUBMITTED, CANCELLED),
            List.of(APPROVED, SCHEDULED), List.of(APPROVED, ON_AIR), List.of(APPROVED, CANCELLED),
            List.of(SCHEDULED, ON_AIR), List.of(SCHEDULED, CANCELLED), List.of(SCHEDULED, FAILED),
            List.of(ON_AIR, DONE), List.of(ON_AIR, CANCELLED), List.of(ON_AIR, FAILED));

    private static final Set<List<AnnouncementState>> RECURRING_ONLY = Set.of(
            List.of(DONE, SCHEDULED), List.of(FAILED, SCHEDULED), List.of(SCHEDULED, DONE));

    @Test
    void aOneOffAnnouncementMakesExactlyTheMovesOfTheTable() {
        assertThat(allowed(false)).isEqualTo(ONE_OFF);
        for (List<AnnouncementState> pair : pairs()) {
            assertThat(pair.get(0).canMoveTo(pair.get(1))).as(pair.toString()).isEqualTo(ONE_OFF.contains(pair));
        }
    }

    @Test
    void aRecurringAnnouncementAlsoWaitsAgainAfterAnAiringAndEndsItsSeries() {
        Set<List<AnnouncementState>> expected = new HashSet<>(ONE_OFF);
        expected.addAll(RECURRING_ONLY);
        assertThat(allowed(true)).isEqualTo(expected);
    }

    @Test
    void noStateMovesToItselfAndNothingLeavesCancelled() {
        for (AnnouncementState s : AnnouncementState.values()) {
            assertThat(s.canMoveTo(s, true)).as(s.name()).isFalse();
            assertThat(CANCELLED.canMoveTo(s, true)).as(s.name()).isFalse();
        }
    }

    private static Set<List<AnnouncementState>> allowed(boolean recurring) {
        Set<List<AnnouncementState>> allowed = new HashSet<>();
        for (List<AnnouncementState> pair : pairs()) {
            if (pair.get(0).canMoveTo(pair.get(1), recurring)) {
                allowed.add(pair);
            }
        }
        return allowed;
    }

    private static List<List<AnnouncementState>> pairs() {
        List<List<AnnouncementState>> pairs = new java.util.ArrayList<>();
        for (AnnouncementState from : AnnouncementState.values()) {
            for (AnnouncementState to : AnnouncementState.values()) {
                pairs.add(List.of(from, to));
            }
        }
        return pairs;
    }
}
