package vn.loa.server.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Caller;
import vn.loa.server.auth.Role;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.ServerPaths;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.testing.MovableClock;

/**
 * The {@link Lifecycle} on an in-memory database: the moves its callers make (a recurring notice airing twice, an
 * emergency cancelled on air, a relay whose upstream never answered, a hotline call) and the ones the table refuses.
 */
class LifecycleTest {

    /** 07:00 in Vietnam, when the daily notice below airs. */
    private static final Instant SEVEN = Instant.parse("2026-12-07T00:00:00Z");
    private static final String DAILY = "0 0 7 * * ?";

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(SEVEN);
    private final List<String> told = new ArrayList<>();
    private Jdbi jdbi;
    private Lifecycle lifecycle;
    private final AnnouncementRepository announcements = new AnnouncementRepository();
    private final Caller leader = new Caller("chu-tich", Role.APPROVER, "xa", "/xa/", "127.0.0.1");

    @BeforeEach
    void database() {
        jdbi = MemoryDatabase.migrated(dataDir.getFileName().toString());
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO zone (id, name, path, created_at) VALUES ('xa', 'Xã', '/xa/', CURRENT_TIMESTAMP)");
            h.execute("INSERT INTO app_user (username, display_name, password_hash, role, unit_id, enabled, created_at) "
                    + "VALUES ('chu-tich', 'Chủ tịch', 'x', 'approver', 'xa', TRUE, CURRENT_TIMESTAMP)");
        });
        lifecycle = new Lifecycle(jdbi, announcements, new AuditLog(clock, new ServerPaths(dataDir)), clock);
        lifecycle.onStateChange((a, to) -> told.add(a.id() + ":" + to));
    }

    @Test
    void aRecurringNoticeWaitsAgainAfterEachAiringUntilItsSeriesEnds() {
        long id = stored(AnnouncementState.SCHEDULED, Priority.SCHEDULED,
                new Schedule(SEVEN, DAILY, SEVEN.plus(Duration.ofHours(30)), null));
        assertThat(lifecycle.byLoa(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(lifecycle.byLoa(id, LoaStep.AIRED, null)).isTrue();
        assertThat(state(id)).isEqualTo(AnnouncementState.SCHEDULED);

        clock.advance(Duration.ofDays(1));
        assertThat(lifecycle.byLoa(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(lifecycle.byLoa(id, LoaStep.AIRED, null)).isTrue();
        assertThat(state(id)).as("no airing left after the second").isEqualTo(AnnouncementState.DONE);
        assertThat(moves(id)).containsExactly("SCHEDULED>ON_AIR", "ON_AIR>DONE", "DONE>SCHEDULED",
                "SCHEDULED>ON_AIR", "ON_AIR>DONE");
        assertThat(told).containsExactly(id + ":ON_AIR", id + ":DONE", id + ":ON_AIR", id + ":DONE");
    }

    @Test
    void aRecurringNoticeThatFailsOnceWaitsForItsNextAiringAndItsSeriesCanEndWhileItWaits() {
        long id = stored(AnnouncementState.SCHEDULED, Priority.SCHEDULED, new Schedule(SEVEN, DAILY, null, null));
        assertThat(lifecycle.byLoa(id, LoaStep.FAILS_WAITING, "giờ yên tĩnh")).isTrue();
        assertThat(state(id)).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(lifecycle.byLoa(id, LoaStep.SERIES_ENDS, "lịch phát đã kết thúc")).isTrue();
        assertThat(moves(id)).containsExactly("SCHEDULED>FAILED", "FAILED>SCHEDULED", "SCHEDULED>DONE");
    }

    @Test
    void aOneOffNoticeNeverWaitsAgainNorEndsASeries() {
        long id = stored(AnnouncementState.SCHEDULED, Priority.SCHEDULED, new Schedule(SEVEN, null, null, null));
        assertThat(lifecycle.byLoa(id, LoaStep.SERIES_ENDS, null)).isFalse();
        assertThat(state(id)).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(lifecycle.byLoa(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(lifecycle.byLoa(id, LoaStep.AIRED, null)).isTrue();
        assertThat(lifecycle.byLoa(id, LoaStep.WAITS_AFTER_AIRING, null)).isFalse();
        assertThat(state(id)).isEqualTo(AnnouncementState.DONE);
        assertThat(moves(id)).containsExactly("SCHEDULED>ON_AIR", "ON_AIR>DONE");
    }

    @Test
    void anEmergencyCancelledOnAirStaysCancelledWhenItsAirEnds() {
        long id = stored(AnnouncementState.APPROVED, Priority.EMERGENCY, new Schedule(null, null, null, null));
        byLeader(id, AnnouncementState.SCHEDULED, "announcement.broadcast");
        assertThat(lifecycle.byLoa(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        byLeader(id, AnnouncementState.CANCELLED, "announcement.cancel");
        assertThat(lifecycle.byLoa(id, LoaStep.AIRED, null)).as("the air ends after the cancel").isFalse();
        assertThat(moves(id)).containsExactly("APPROVED>SCHEDULED", "SCHEDULED>ON_AIR", "ON_AIR>CANCELLED");
        List<String> audited = jdbi.withHandle(h -> h.createQuery("SELECT action FROM audit ORDER BY id")
                .mapTo(String.class).list());
        assertThat(audited).as("only the leader's moves are audited")
                .containsExactly("announcement.broadcast", "announcement.cancel");
    }

    @Test
    void aHotlineCallIsHandedToTheAirAndARelayWhoseUpstreamNeverAnsweredFails() {
        long call = stored(AnnouncementState.APPROVED, Priority.EMERGENCY, new Schedule(null, null, null, null));
        assertThat(lifecycle.byLoa(call, LoaStep.HANDED_TO_AIR, "đường dây nóng")).isTrue();
        assertThat(lifecycle.byLoa(call, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(lifecycle.byLoa(call, LoaStep.AIRED, null)).isTrue();
        long relay = stored(AnnouncementState.SCHEDULED, Priority.SCHEDULED, new Schedule(null, null, null, null));
        assertThat(lifecycle.byLoa(relay, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(lifecycle.byLoa(relay, LoaStep.FAILS_ON_AIR, "không kết nối được")).isTrue();
        assertThat(moves(call)).containsExactly("APPROVED>SCHEDULED", "SCHEDULED>ON_AIR", "ON_AIR>DONE");
        assertThat(moves(relay)).containsExactly("SCHEDULED>ON_AIR", "ON_AIR>FAILED");
    }

    @Test
    void aPersonIsRefusedTheMovesTheTableKeepsForLoa() {
        long id = stored(AnnouncementState.DONE, Priority.SCHEDULED, new Schedule(SEVEN, DAILY, null, null));
        assertThatThrownBy(() -> byLeader(id, AnnouncementState.SCHEDULED, "announcement.broadcast"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("invalid_state");
                });
        assertThat(state(id)).isEqualTo(AnnouncementState.DONE);
    }

    private Announcement byLeader(long id, AnnouncementState to, String action) {
        return lifecycle.byPerson(leader, id, to, action, null, (h, key) -> announcements.find(h, key).orElseThrow());
    }

    private long stored(AnnouncementState state, Priority priority, Schedule schedule) {
        Announcement a = new Announcement(0, "Thông báo", "Nội dung", null, null, List.of("xa"), priority, null, 1,
                false, schedule, state, "chu-tich", clock.instant(), clock.instant());
        return jdbi.inTransaction(h -> announcements.insert(h, a));
    }

    private AnnouncementState state(long id) {
        return jdbi.withHandle(h -> announcements.find(h, id)).orElseThrow().state();
    }

    private List<String> moves(long id) {
        return jdbi.withHandle(h -> announcements.transitions(h, id)).stream()
                .map(t -> t.from() + ">" + t.to()).toList();
    }
}
