package vn.loa.server.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.auth.StepUp;
import vn.loa.server.http.ServerPaths;
import vn.loa.server.policy.UnitPolicies;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.HeardAir;
import vn.loa.server.testing.MemoryDatabase;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.zone.ZoneGuard;
import vn.loa.server.zone.ZoneRepository;

/**
 * The {@link AnnouncementService} on an embedded database and a clock the test moves, with the air, the programme
 * grid and the recordings replaced by fakes (they are constructor arguments): what a clerk and a leader do to a
 * notice, what is stored and what is refused.
 */
class AnnouncementServiceTest {

    /** 08:00 in Vietnam. */
    private static final Instant EIGHT = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(EIGHT);
    private final MemoryDatabase db = new MemoryDatabase();
    private final Jdbi jdbi = db.jdbi();
    private final HeardAir air = new HeardAir();
    private final AnnouncementRepository rows = new AnnouncementRepository();
    /** What the programme grid answers a scheduled draft: by default, the draft as it is. */
    private AnnouncementService.ProgrammeCheck grid = (h, d, choice, self) -> d;
    private final Caller clerk = new Caller("van-thu", Role.CLERK, "xa", "/xa/", "127.0.0.1");
    private final Caller leader = new Caller("chu-tich", Role.APPROVER, "xa", "/xa/", "127.0.0.1");
    private final Caller deputy = new Caller("pho-chu-tich", Role.APPROVER, "xa", "/xa/", "127.0.0.1");
    private AnnouncementService service;

    @BeforeEach
    void commune() {
        db.zone("xa", null);
        db.zone("thon", "xa");
        db.zone("xa-ben", null);
        db.user("van-thu", "clerk", "xa");
        db.user("chu-tich", "approver", "xa");
        db.user("pho-chu-tich", "approver", "xa");
        AuditLog audit = new AuditLog(clock, new ServerPaths(dataDir));
        ZoneRepository zones = new ZoneRepository();
        service = new AnnouncementService(jdbi, rows, new ZoneGuard(zones), audit, new RelayPolicy(Set.of()),
                new StepUp(clock, Duration.ofMinutes(15)), new UnitPolicies(jdbi, zones, audit, clock),
                new AnnouncementSteps(jdbi, rows, audit, clock), air, (h, d, choice, self) -> grid.checked(h, d,
                        choice, self), (h, caller, id) -> "ghi-am-1".equals(id), clock);
    }

    @Test
    void aClerksNoticeIsStoredAsADraftWithItsFirstStepAndAudit() {
        Announcement a = service.create(clerk, notice(Priority.SCHEDULED, now()));
        Announcement stored = stored(a.id());
        assertThat(stored.state()).isEqualTo(AnnouncementState.DRAFT);
        assertThat(stored.createdBy()).isEqualTo("van-thu");
        assertThat(stored.zones()).containsExactly("thon");
        assertThat(moves(a.id())).containsExactly("null>DRAFT by van-thu");
        assertThat(audited()).containsExactly("announcement.create by van-thu");
        assertThat(air.heard()).isEmpty();
    }

    @Test
    void aNoticeIsSubmittedApprovedAndBroadcastAndOnlyThenTheAirHearsOfIt() {
        long id = service.create(clerk, notice(Priority.SCHEDULED, now())).id();
        service.submit(clerk, id);
        clock.advance(Duration.ofMinutes(5));
        service.approve(leader, id);
        assertThat(air.heard()).isEmpty();
        service.broadcast(clerk, id);
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(moves(id)).containsExactly("null>DRAFT by van-thu", "DRAFT>SUBMITTED by van-thu",
                "SUBMITTED>APPROVED by chu-tich", "APPROVED>SCHEDULED by van-thu");
        assertThat(service.detail(leader, id).transitions().get(2).at()).as("the step is timed by the clock")
                .isEqualTo(EIGHT.plus(Duration.ofMinutes(5)));
        assertThat(air.heard()).containsExactly("scheduled " + id);
    }

    @Test
    void aClerkMayNotApproveAndTheNoticeStaysSubmitted() {
        long id = service.create(clerk, notice(Priority.SCHEDULED, now())).id();
        service.submit(clerk, id);
        assertRefused(() -> service.approve(clerk, id), Refusal.Kind.FORBIDDEN, "forbidden");
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.SUBMITTED);
    }

    @Test
    void underTheFourEyesRuleALeaderMayNotApproveTheirOwnNoticeButAnotherLeaderMay() {
        jdbi.useHandle(h -> h.execute("INSERT INTO unit_policy (unit_id, totp_required, four_eyes, updated_by, "
                + "updated_at) VALUES ('xa', FALSE, 'all', 'admin', CURRENT_TIMESTAMP)"));
        long id = service.create(leader, notice(Priority.SCHEDULED, now())).id();
        service.submit(leader, id);
        assertRefused(() -> service.approve(leader, id), Refusal.Kind.FORBIDDEN, "four_eyes");
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.SUBMITTED);
        service.approve(deputy, id);
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.APPROVED);
    }

    @Test
    void aLeadersEmergencySkipsApprovalAndOnlyALeaderMayCancelIt() {
        long id = service.create(leader, notice(Priority.EMERGENCY, now())).id();
        assertThat(stored(id).state()).as("no approval for an emergency").isEqualTo(AnnouncementState.APPROVED);
        service.broadcast(leader, id);
        assertRefused(() -> service.cancel(clerk, id, "nhầm"), Refusal.Kind.FORBIDDEN, "four_eyes");
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.SCHEDULED);
        service.cancel(deputy, id, "đã hết nguy hiểm");
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.CANCELLED);
        assertThat(air.heard()).containsExactly("scheduled " + id, "cancelled " + id);
        assertThat(moves(id)).last().isEqualTo("SCHEDULED>CANCELLED by pho-chu-tich");
    }

    @Test
    void aClerkMayNotSendAnEmergencyNorTargetAZoneOutsideTheirUnit() {
        assertRefused(() -> service.create(clerk, notice(Priority.EMERGENCY, now())), Refusal.Kind.FORBIDDEN,
                "forbidden");
        AnnouncementDraft elsewhere = new AnnouncementDraft("Họp", "Họp dân.", null, null, List.of("xa-ben"),
                Priority.SCHEDULED, null, 1, false, now(), List.of());
        assertRefused(() -> service.create(clerk, elsewhere), Refusal.Kind.INVALID, "unknown_zone");
        assertThat(count()).isZero();
    }

    @Test
    void aDraftNamingAnUnknownRecordingIsRefusedAndOneNamingAKnownRecordingIsKept() {
        assertRefused(() -> service.create(clerk, recording("khong-co")), Refusal.Kind.INVALID, "unknown_audio");
        assertThat(count()).isZero();
        long id = service.create(clerk, recording("ghi-am-1")).id();
        assertThat(stored(id).audioId()).isEqualTo("ghi-am-1");
    }

    @Test
    void aScheduledDraftKeepsTheTimeTheGridGivesItAndAClashRefusedByTheGridStoresNothing() {
        Instant nine = EIGHT.plus(Duration.ofHours(1));
        Instant shifted = nine.plus(Duration.ofMinutes(2));
        grid = (h, d, choice, self) -> "shift".equals(choice) ? d.withSchedule(new Schedule(shifted, null, null,
                null)) : d;
        long id = service.create(clerk, notice(Priority.SCHEDULED, at(nine)), "shift").id();
        assertThat(stored(id).schedule().at()).isEqualTo(shifted);

        grid = (h, d, choice, self) -> {
            throw new Refusal(Refusal.Kind.CONFLICT, "schedule_conflict", "Trùng lịch");
        };
        assertRefused(() -> service.create(clerk, notice(Priority.SCHEDULED, at(nine)), null), Refusal.Kind.CONFLICT,
                "schedule_conflict");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void onlyADraftCanBeEdited() {
        long id = service.create(clerk, notice(Priority.SCHEDULED, now())).id();
        service.edit(clerk, id, new AnnouncementDraft("Đã sửa", "Nội dung mới.", null, null, List.of("thon"),
                Priority.SCHEDULED, null, 1, false, now(), List.of()));
        assertThat(stored(id).title()).isEqualTo("Đã sửa");
        service.submit(clerk, id);
        assertRefused(() -> service.edit(clerk, id, notice(Priority.SCHEDULED, now())), Refusal.Kind.CONFLICT,
                "invalid_state");
        assertThat(stored(id).title()).isEqualTo("Đã sửa");
    }

    @Test
    void aWaitingNoticeMovesToALaterTimeAndTheAirPlansItAnewButNeverToAPastTime() {
        Instant nine = EIGHT.plus(Duration.ofHours(1));
        long id = approved(at(nine));
        service.broadcast(leader, id);
        assertRefused(() -> service.reschedule(leader, id, EIGHT.minusSeconds(1)), Refusal.Kind.INVALID, "past_time");
        Instant ten = nine.plus(Duration.ofHours(1));
        service.reschedule(leader, id, ten);
        assertThat(stored(id).schedule().at()).isEqualTo(ten);
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(air.heard()).containsExactly("scheduled " + id, "cancelled " + id, "scheduled " + id);
    }

    @Test
    void aCancelledNoticeCannotBeBroadcastAndLoasOwnStepsFollowTheTable() {
        long id = approved(now());
        service.broadcast(leader, id);
        assertThat(service.advance(id, LoaStep.GOES_ON_AIR, null)).isTrue();
        assertThat(service.advance(id, LoaStep.AIRED, null)).isTrue();
        assertThat(service.advance(id, LoaStep.AIRED, null)).as("already done").isFalse();
        assertRefused(() -> service.cancel(leader, id, "muộn"), Refusal.Kind.CONFLICT, "invalid_state");
        assertThat(stored(id).state()).isEqualTo(AnnouncementState.DONE);
        assertThat(moves(id)).endsWith("SCHEDULED>ON_AIR by loa", "ON_AIR>DONE by loa");
    }

    private long approved(Schedule schedule) {
        long id = service.create(clerk, notice(Priority.SCHEDULED, schedule)).id();
        service.submit(clerk, id);
        service.approve(leader, id);
        return id;
    }

    private static AnnouncementDraft notice(Priority priority, Schedule schedule) {
        return new AnnouncementDraft("Lịch tiêm chủng", "Sáng mai tiêm chủng tại trạm y tế xã.", null, null,
                List.of("thon"), priority, null, 1, false, schedule, List.of());
    }

    private static AnnouncementDraft recording(String audioId) {
        return new AnnouncementDraft("Nhạc hiệu", null, audioId, null, List.of("thon"), Priority.SCHEDULED, null, 1,
                false, now(), List.of());
    }

    private static Schedule now() {
        return new Schedule(null, null, null, null);
    }

    private static Schedule at(Instant t) {
        return new Schedule(t, null, null, null);
    }

    private static void assertRefused(Runnable step, Refusal.Kind kind, String code) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.kind()).isEqualTo(kind);
        });
    }

    private Announcement stored(long id) {
        return jdbi.withHandle(h -> rows.find(h, id)).orElseThrow();
    }

    private int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM announcement").mapTo(Integer.class).one());
    }

    private List<String> moves(long id) {
        return jdbi.withHandle(h -> rows.transitions(h, id)).stream()
                .map(t -> t.from() + ">" + t.to() + " by " + t.actor()).toList();
    }

    private List<String> audited() {
        return jdbi.withHandle(h -> h.createQuery("SELECT action || ' by ' || actor FROM audit ORDER BY id")
                .mapTo(String.class).list());
    }
}
