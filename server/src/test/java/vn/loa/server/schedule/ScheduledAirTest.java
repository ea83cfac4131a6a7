package vn.loa.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.scheduler.ClockSettings;
import vn.loa.scheduler.Firing;
import vn.loa.scheduler.ProgrammeClock;
import vn.loa.server.announcement.AnnouncementSteps;
import vn.loa.server.announcement.MemoryAnnouncementStore;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.http.ServerPaths;
import vn.loa.server.testing.HeardAir;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.zone.ZoneGuard;
import vn.loa.server.zone.ZoneRepository;

/**
 * What the programme clock in front of the air decides when a notice is broadcast or cancelled: plan it for later,
 * hand it to the air now, or fail it with the reason. The clock is Quartz on an embedded database, opened and never
 * started (nothing fires); Loa's steps run on the in-memory store; the air is a fake that notes what it is told.
 */
class ScheduledAirTest {

    /** 08:00 in Vietnam. */
    private static final Instant EIGHT = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(EIGHT);
    private final MemoryDatabase db = new MemoryDatabase();
    private final MemoryAnnouncementStore store = new MemoryAnnouncementStore(Map.of("xa", "/xa/"));
    private final AnnouncementSteps steps = AnnouncementSteps.on(store, clock);
    private final HeardAir theAir = new HeardAir();
    private ProgrammeClock programmes;
    private ScheduledAir air;

    @BeforeEach
    void clock() {
        db.zone("xa", null);
        AuditLog audit = new AuditLog(clock, new ServerPaths(dataDir));
        QuietHours quiet = new QuietHours(db.jdbi(), new ZoneGuard(new ZoneRepository()), audit);
        quiet.set(new Caller("ky-thuat", Role.TECHNICIAN, "xa", "/xa/", "127.0.0.1"), "xa",
                QuietHours.parse("22:00", "05:00"));
        programmes = ProgrammeClock.open(new ClockSettings(db.url(), "", "", false, 1, Duration.ofSeconds(60)),
                new Firing() {
                    @Override
                    public void fire(String item, Instant due, Instant firedAt) {
                        throw new AssertionError("the clock is never started");
                    }

                    @Override
                    public void missed(String item, Instant due) {
                        throw new AssertionError("the clock is never started");
                    }
                });
        air = new ScheduledAir(theAir, programmes, new Relays(db.jdbi(), steps, audit, Duration.ofSeconds(30),
                clock), quiet, steps, clock);
    }

    @AfterEach
    void close() {
        programmes.close();
    }

    @Test
    void aNoticeForLaterIsPlannedOnTheClockAndTheAirMayPrepareIt() {
        Instant nine = EIGHT.plus(Duration.ofHours(1));
        Announcement a = scheduled(Priority.SCHEDULED, new Schedule(nine, null, null, null));
        air.scheduled(a);
        assertThat(programmes.nextAiring(ProgrammeFiring.item(a.id()))).contains(nine);
        assertThat(theAir.heard()).containsExactly("scheduled " + a.id());
        assertThat(state(a)).isEqualTo(AnnouncementState.SCHEDULED);
    }

    @Test
    void aSeriesWithNoAiringLeftFailsWithTheReasonAndNeverReachesTheAir() {
        Announcement a = scheduled(Priority.SCHEDULED, new Schedule(EIGHT.minus(Duration.ofDays(3)), "0 0 7 * * ?",
                EIGHT.minus(Duration.ofDays(1)), null));
        air.scheduled(a);
        assertThat(state(a)).isEqualTo(AnnouncementState.FAILED);
        assertThat(lastReason(a)).contains("no airing left");
        assertThat(programmes.plannedItems()).isEmpty();
        assertThat(theAir.heard()).isEmpty();
    }

    @Test
    void aNoticeForNowInQuietHoursFailsButAnEmergencyGoesOnAir() {
        clock.advance(Duration.ofHours(15)); // 23:00
        Announcement notice = scheduled(Priority.SCHEDULED, new Schedule(null, null, null, null));
        air.scheduled(notice);
        assertThat(state(notice)).isEqualTo(AnnouncementState.FAILED);
        assertThat(lastReason(notice)).contains("quiet hours");
        Announcement emergency = scheduled(Priority.EMERGENCY, new Schedule(null, null, null, null));
        air.scheduled(emergency);
        assertThat(state(emergency)).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(theAir.heard()).containsExactly("scheduled " + emergency.id());
    }

    @Test
    void aCancelledNoticeLosesItsPlanAndTheAirHearsOfIt() {
        Announcement a = scheduled(Priority.SCHEDULED, new Schedule(EIGHT.plus(Duration.ofHours(1)), null, null,
                null));
        air.scheduled(a);
        air.cancelled(a.id());
        assertThat(programmes.nextAiring(ProgrammeFiring.item(a.id()))).isEmpty();
        assertThat(theAir.heard()).containsExactly("scheduled " + a.id(), "cancelled " + a.id());
    }

    private Announcement scheduled(Priority priority, Schedule schedule) {
        long id = store.inTransaction(rows -> rows.insert(new Announcement(0, "Thông báo", "Nội dung", null, null,
                List.of("xa"), priority, null, 1, false, schedule, AnnouncementState.SCHEDULED, "van-thu",
                clock.instant(), clock.instant())));
        return steps.find(id).orElseThrow();
    }

    private AnnouncementState state(Announcement a) {
        return steps.find(a.id()).orElseThrow().state();
    }

    private String lastReason(Announcement a) {
        List<vn.loa.server.announcement.Transition> history = store.inTransaction(rows -> rows.transitions(a.id()));
        return history.get(history.size() - 1).reason();
    }
}
