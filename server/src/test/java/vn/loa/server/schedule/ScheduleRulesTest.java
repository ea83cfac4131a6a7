package vn.loa.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.http.ServerPaths;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.zone.ZoneGuard;
import vn.loa.server.zone.ZoneRepository;

/**
 * The schedule's rules on an embedded database and a clock the test holds: two items at one time in overlapping zones
 * ({@link Conflicts}), and the quiet hours a notice may not air in ({@link QuietHours}).
 */
class ScheduleRulesTest {

    /** 08:00 in Vietnam. */
    private static final Instant EIGHT = Instant.parse("2026-12-07T01:00:00Z");
    private static final Instant NINE = EIGHT.plus(Duration.ofHours(1));

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(EIGHT);
    private final MemoryDatabase db = new MemoryDatabase();
    private final Jdbi jdbi = db.jdbi();
    private final Conflicts conflicts = new Conflicts(clock);
    private QuietHours quiet;
    /** A 10-minute programme at 09:00 in the hamlet, waiting on the grid. */
    private long market;

    @BeforeEach
    void commune() {
        db.zone("xa", null);
        db.zone("thon", "xa");
        db.zone("xom", "xa");
        db.zone("xa-ben", null);
        db.user("van-thu", "clerk", "xa");
        quiet = new QuietHours(jdbi, new ZoneGuard(new ZoneRepository()),
                new AuditLog(clock, new ServerPaths(dataDir)));
        market = jdbi.inTransaction(h -> new AnnouncementRepository().insert(h, new Announcement(0, "Chợ phiên",
                "Chợ phiên sáng nay.", null, null, List.of("thon"), Priority.SCHEDULED, null, 1, false,
                new Schedule(NINE, null, null, Duration.ofMinutes(10)), AnnouncementState.SCHEDULED, "van-thu", EIGHT,
                EIGHT)));
    }

    @Test
    void aNoticeAtTheSameTimeInAnEnclosingZoneIsRefusedNamingTheOtherItem() {
        assertThatThrownBy(() -> check(draft("xa", NINE.plus(Duration.ofMinutes(5)), null), null))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo("schedule_conflict");
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                    assertThat(r.getMessage()).contains("#" + market).contains("Chợ phiên").contains("09:00:00");
                });
    }

    @Test
    void zonesThatDoNotOverlapAndTimesThatDoNotMeetDoNotConflict() {
        AnnouncementDraft elsewhere = draft("xa-ben", NINE, null);
        assertThat(check(elsewhere, null)).isSameAs(elsewhere);
        AnnouncementDraft sibling = draft("xom", NINE, null);
        assertThat(check(sibling, null)).as("a sibling hamlet").isSameAs(sibling);
        AnnouncementDraft after = draft("thon", NINE.plus(Duration.ofMinutes(10)), null);
        assertThat(check(after, null)).as("starts as the other ends").isSameAs(after);
    }

    @Test
    void aOneOffNoticeIsShiftedToJustAfterTheOtherOnRequestButARecurringOneIsNot() {
        AnnouncementDraft moved = check(draft("thon", NINE.plus(Duration.ofMinutes(5)), null), "shift");
        assertThat(moved.schedule().at()).isEqualTo(NINE.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> check(draft("thon", NINE, "0 0 9 * * ?"), "shift"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("schedule_conflict"));
    }

    @Test
    void priorityLetsBothStandAndAnItemDoesNotClashWithItself() {
        AnnouncementDraft both = draft("thon", NINE, null);
        assertThat(check(both, "priority")).isSameAs(both);
        AnnouncementDraft itself = jdbi.withHandle(h -> conflicts.checked(h, both, null, market));
        assertThat(itself).isSameAs(both);
    }

    @Test
    void anItemThatHasAiredNoLongerBlocksItsTime() {
        clock.advance(Duration.ofHours(2));
        AnnouncementDraft later = draft("thon", NINE.plus(Duration.ofDays(1)), null);
        assertThat(check(later, null)).isSameAs(later);
    }

    @Test
    void quietHoursRefuseANoticeInAZoneBelowButNeverAnEmergency() {
        Caller technician = new Caller("ky-thuat", Role.TECHNICIAN, "xa", "/xa/", "127.0.0.1");
        quiet.set(technician, "xa", QuietHours.parse("22:00", "05:00"));
        Instant elevenAtNight = EIGHT.plus(Duration.ofHours(15));
        assertThat(quiet.refusal(notice("thon", Priority.SCHEDULED), elevenAtNight)).get().asString()
                .contains("xa").contains("22:00");
        assertThat(quiet.refusal(notice("thon", Priority.EMERGENCY), elevenAtNight)).isEmpty();
        assertThat(quiet.refusal(notice("thon", Priority.SCHEDULED), EIGHT)).as("08:00 is not quiet").isEmpty();
        assertThat(quiet.refusal(notice("xa-ben", Priority.SCHEDULED), elevenAtNight)).isEmpty();
    }

    private AnnouncementDraft check(AnnouncementDraft d, String onConflict) {
        return jdbi.withHandle(h -> conflicts.checked(h, d, onConflict, 0));
    }

    private static AnnouncementDraft draft(String zone, Instant at, String cron) {
        return new AnnouncementDraft("Họp dân", "Mời bà con đi họp.", null, null, List.of(zone), Priority.SCHEDULED,
                null, 1, false, new Schedule(at, cron, null, null), List.of());
    }

    private static Announcement notice(String zone, Priority priority) {
        return new Announcement(1, "Loa", "Nội dung", null, null, List.of(zone), priority, null, 1, false,
                new Schedule(null, null, null, null), AnnouncementState.SCHEDULED, "van-thu", EIGHT, EIGHT);
    }
}
