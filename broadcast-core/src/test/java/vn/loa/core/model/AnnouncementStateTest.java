package vn.loa.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnouncementStateTest {

    @Test
    void noticeWalksTheApprovalPathInOrder() {
        assertThat(AnnouncementState.DRAFT.canMoveTo(AnnouncementState.SUBMITTED)).isTrue();
        assertThat(AnnouncementState.SUBMITTED.canMoveTo(AnnouncementState.APPROVED)).isTrue();
        assertThat(AnnouncementState.APPROVED.canMoveTo(AnnouncementState.SCHEDULED)).isTrue();
        assertThat(AnnouncementState.SCHEDULED.canMoveTo(AnnouncementState.ON_AIR)).isTrue();
        assertThat(AnnouncementState.ON_AIR.canMoveTo(AnnouncementState.DONE)).isTrue();
    }

    @Test
    void draftCannotGoOnAirWithoutApproval() {
        assertThat(AnnouncementState.DRAFT.canMoveTo(AnnouncementState.SCHEDULED)).isFalse();
        assertThat(AnnouncementState.SUBMITTED.canMoveTo(AnnouncementState.ON_AIR)).isFalse();
    }

    @Test
    void finishedAnnouncementsNeverMoveAgain() {
        for (AnnouncementState end : new AnnouncementState[] {AnnouncementState.DONE, AnnouncementState.CANCELLED,
                AnnouncementState.FAILED}) {
            assertThat(end.isFinal()).isTrue();
            for (AnnouncementState next : AnnouncementState.values()) {
                assertThat(end.canMoveTo(next)).isFalse();
            }
        }
    }

    @Test
    void everyUnfinishedAnnouncementCanBeCancelled() {
        for (AnnouncementState s : AnnouncementState.values()) {
            if (!s.isFinal()) {
                assertThat(s.canMoveTo(AnnouncementState.CANCELLED)).as(s.name()).isTrue();
            }
        }
    }

    @Test
    void emergencyPreemptsEveryOtherPriority() {
        assertThat(Priority.EMERGENCY.preempts(Priority.LIVE)).isTrue();
        assertThat(Priority.LIVE.preempts(Priority.SCHEDULED)).isTrue();
        assertThat(Priority.SCHEDULED.preempts(Priority.SCHEDULED)).isFalse();
        assertThat(Priority.BACKGROUND.preempts(Priority.SCHEDULED)).isFalse();
    }
}
