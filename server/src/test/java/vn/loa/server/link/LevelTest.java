package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;

class LevelTest {

    private static final Instant AT = Instant.parse("2026-12-08T01:00:00Z");

    private static Announcement notice(Priority priority, Schedule schedule) {
        return new Announcement(1, "Thông báo", "Họp dân", null, null, List.of("xa-a"), priority, null, 1, true,
                schedule, AnnouncementState.APPROVED, "admin", AT, AT);
    }

    @Test
    void anEmergencyIsKhanCapATimedNoticeUuTienAndAnyOtherThongThuong() {
        assertThat(Level.of(notice(Priority.EMERGENCY, new Schedule(null, null, null)))).isEqualTo(Level.KHAN_CAP);
        assertThat(Level.of(notice(Priority.SCHEDULED, new Schedule(AT, null, null)))).isEqualTo(Level.UU_TIEN);
        assertThat(Level.of(notice(Priority.SCHEDULED, new Schedule(null, null, null))))
                .isEqualTo(Level.THONG_THUONG);
        assertThat(Level.of(notice(Priority.SCHEDULED, new Schedule(AT, "0 0 7 * * ?", null))))
                .as("a recurring notice: the commune places it").isEqualTo(Level.THONG_THUONG);
    }
}
