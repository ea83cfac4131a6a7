package vn.loa.server.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Delivery;
import vn.loa.core.model.Priority;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.auth.StepUp;
import vn.loa.server.policy.UnitPolicies;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * The announcement lifecycle: compose, submit, approve or reject, broadcast, cancel. Every change is one transaction
 * holding the new state, its transition row and its audit record, made through the {@link Lifecycle}, which Loa's own
 * steps ({@link #advance}) pass too. Blocking (JDBC).
 *
 * <p>A caller reads announcements that touch their unit (targeted inside it or at a unit enclosing it), and changes
 * only those whose every zone lies inside it.
 */
public final class AnnouncementService {

    /** The actor of the steps Loa takes by itself. */
    public static final String SYSTEM_ACTOR = "loa";

    private final Jdbi jdbi;
    private final AnnouncementRepository announcements;
    private final ZoneGuard zones;
    private final AuditLog audit;
    private final Clock clock;
    private final RelayPolicy relays;
    private final AirControl air;
    private final ProgrammeCheck programmes;
    private final Recordings recordings;
    private final AnnouncementSteps steps;
    private final Lifecycle lifecycle;

    /** Told of every state change once it is committed (boards raise emergency banners); must not block. */
    public interface StateListener {
        void changed(Announcement announcement, AnnouncementState to);
    }

    public void onStateChange(StateListener listener) {
        steps.onStateChange(listener);
    }

    /**
     * Told of every state change inside its transaction, on its handle, so what it writes lands with the change or not
     * at all (the province link's outbox, ADR 0037); must be quick and must not open another transaction.
     */
    public interface TransitionHook {
        /**
         * @param from null when the announcement is created; equal to {@code to} when it was changed in place
         *             (rescheduled)
         */
        void moved(Handle h, long id, AnnouncementState from, AnnouncementState to);
    }

    public void withinTransition(TransitionHook hook) {
        lifecycle.withinTransition(hook);
    }

    private final StepUp stepUp;
    private final FourEyesRule fourEyes;

    /**
     * @param steps the lifecycle's door, which the air was built on before this service
     * @param air where what is broadcast goes: the programme clock in front of the air
     * @param programmes the programme grid's check of scheduled drafts
     * @param recordings the uploaded recordings a draft may name
     */
    public AnnouncementService(Jdbi jdbi, AnnouncementRepository announcements, ZoneGuard zones, AuditLog audit,
            RelayPolicy relays, StepUp stepUp, UnitPolicies policies, AnnouncementSteps steps, AirControl air,
            ProgrammeCheck programmes, Recordings recordings, Clock clock) {
        this.jdbi = jdbi;
        this.stepUp = stepUp;
        this.fourEyes = new FourEyesRule(policies, announcements);
        this.relays = relays;
        this.announcements = announcements;
        this.zones = zones;
        this.audit = audit;
        this.clock = clock;
        this.steps = steps;
        this.lifecycle = steps.lifecycle();
        this.air = air;
        this.programmes = programmes;
        this.recordings = recordings;
    }

    /** Which uploaded recordings a caller may air. */
    public interface Recordings {
        boolean usable(Handle h, Caller caller, String audioId);

        /**
         * Refuses with 400 {@code programme_too_long} recordings that, aired one after another, last longer than
         * the longest programme allowed ({@code programme.max.duration}).
         */
        default void requireWithinLongest(Handle h, List<String> audioIds) {
        }
    }

    private void requireRecordings(Handle h, Caller caller, AnnouncementDraft draft) {
        requireRecording(h, caller, draft.audioId());
        draft.playlist().forEach(id -> requireRecording(h, caller, id));
        // The setting may have been lowered since a recording was uploaded; a playlist adds its recordings up.
        recordings.requireWithinLongest(h, draft.audioId() != null ? List.of(draft.audioId()) : draft.playlist());
    }

    private void requireRecording(Handle h, Caller caller, String audioId) {
        if (audioId != null && !recordings.usable(h, caller, audioId)) {
            throw Refusal.invalid("unknown_audio", "Không có tệp âm thanh '" + audioId + "'. Hãy tải tệp lên trước "
                    + "(POST /api/v1/audio) rồi dùng mã tệp được trả về.");
        }
    }

    /** Checks a scheduled draft against the programme grid: returns it (perhaps moved) or refuses it with a 409. */
    public interface ProgrammeCheck {
        AnnouncementDraft checked(Handle h, AnnouncementDraft draft, String onConflict, long self);
    }

    /** Creates an announcement; a scheduled one is checked against the grid, {@code onConflict} saying what to do. */
    public Announcement create(Caller caller, AnnouncementDraft draft, String onConflict) {
        return create(caller, draft, onConflict, true);
    }

    public Announcement create(Caller caller, AnnouncementDraft d) {
        return create(caller, d, null, false);
    }

    private Announcement create(Caller caller, AnnouncementDraft draft, String onConflict, boolean checkGrid) {
        requireComposer(caller, draft.priority());
        relays.check(draft.relayUrl());
        Instant now = clock.instant();
        // An emergency skips approval (DESIGN.md: the hotline and alerts cannot wait for a signature), so a leader with
        // a second factor proves it is them, unless they did so lately.
        boolean emergency = draft.priority() == Priority.EMERGENCY;
        if (emergency) {
            stepUp.require(caller);
        }
        AnnouncementState initial = emergency ? AnnouncementState.APPROVED : AnnouncementState.DRAFT;
        return jdbi.inTransaction(h -> {
            draft.zones().forEach(z -> zones.inScope(h, caller, z));
            requireRecordings(h, caller, draft);
            AnnouncementDraft d = checkGrid ? programmes.checked(h, draft, onConflict, 0) : draft;
            Announcement a = new Announcement(0, d.title(), d.text(), d.audioId(), d.relayUrl(), d.zones(), d.priority(),
                    d.voice(), d.repeat(), d.chime(), d.schedule(), initial, caller.username(), now, now, d.playlist());
            long id = announcements.insert(h, a);
            lifecycle.begin(h, id, initial, caller.username(),
                    emergency ? "khẩn cấp: không cần phê duyệt" : null, now);
            audit.record(h, caller, "announcement.create", "announcement:" + id, d.priority() + " " + d.title());
            return announcements.find(h, id).orElseThrow();
        });
    }

    /** Changes a draft (a new one, or one an approver returned); anything further along is refused. */
    public Announcement edit(Caller caller, long id, AnnouncementDraft d) {
        return edit(caller, id, d, null);
    }

    /** Changes a draft; a scheduled one is checked against the grid, {@code onConflict} saying what to do. */
    public Announcement edit(Caller caller, long id, AnnouncementDraft draft, String onConflict) {
        requireComposer(caller, draft.priority());
        relays.check(draft.relayUrl());
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Announcement current = readable(h, caller, id);
            requireCovers(h, caller, id);
            if (current.state() != AnnouncementState.DRAFT) {
                throw Refusal.conflict("invalid_state", "Chỉ sửa được tin ở trạng thái nháp (DRAFT); tin này đang ở "
                        + current.state() + ". Hãy hủy rồi soạn tin mới.");
            }
            draft.zones().forEach(z -> zones.inScope(h, caller, z));
            requireRecordings(h, caller, draft);
            AnnouncementDraft d = programmes.checked(h, draft, onConflict, id);
            announcements.update(h, id, d, now);
            audit.record(h, caller, "announcement.edit", "announcement:" + id, d.title());
            return announcements.find(h, id).orElseThrow();
        });
    }

    /** One announcement with its state history and its delivery per node, read in one transaction. */
    public Detail detail(Caller caller, long id) {
        return jdbi.inTransaction(h -> new Detail(readable(h, caller, id), announcements.transitions(h, id),
                announcements.deliveries(h, id)));
    }

    /** An announcement as {@code GET /announcements/{id}} shows it. */
    public record Detail(Announcement announcement, List<Transition> transitions, List<Delivery> deliveries) {
    }

    public List<Announcement> page(Caller caller, AnnouncementState state, int limit, int offset) {
        return jdbi.withHandle(h -> announcements.page(h, caller.unitPath(), state, limit, offset));
    }

    public Announcement submit(Caller caller, long id) {
        require(caller, Action.COMPOSE, "Chỉ người soạn tin được gửi tin đi phê duyệt.");
        return move(caller, id, AnnouncementState.SUBMITTED, "announcement.submit", null);
    }

    public Announcement approve(Caller caller, long id) {
        require(caller, Action.APPROVE, "Chỉ lãnh đạo (người phê duyệt) được phê duyệt tin.");
        return move(caller, id, AnnouncementState.APPROVED, "announcement.approve", null,
                (h, a) -> fourEyes.checkApproval(h, caller, a));
    }

    public Announcement reject(Caller caller, long id, String reason) {
        require(caller, Action.APPROVE, "Chỉ lãnh đạo (người phê duyệt) được trả lại tin.");
        return move(caller, id, AnnouncementState.DRAFT, "announcement.reject", reason);
    }

    /** Hands an approved announcement to the air: it waits in SCHEDULED for its time and its zones' arbiters. */
    public Announcement broadcast(Caller caller, long id) {
        require(caller, Action.BROADCAST, "Bạn không có quyền phát tin.");
        Announcement scheduled = move(caller, id, AnnouncementState.SCHEDULED, "announcement.broadcast", null,
                (h, a) -> {
                    if (a.priority() == Priority.EMERGENCY) {
                        stepUp.require(caller);
                    }
                });
        air.scheduled(scheduled);
        return scheduled;
    }

    public Announcement cancel(Caller caller, long id, String reason) {
        if (!caller.may(Action.COMPOSE) && !caller.may(Action.APPROVE)) {
            throw Refusal.forbidden("Bạn không có quyền hủy tin.");
        }
        Announcement cancelled = move(caller, id, AnnouncementState.CANCELLED, "announcement.cancel", reason,
                (h, a) -> fourEyes.checkCancel(h, caller, a));
        air.cancelled(id);
        return cancelled;
    }

    /**
     * Moves a one-off announcement that has not aired yet (APPROVED, or SCHEDULED and waiting) to a later time,
     * checked against the programme grid like a new one (a clash is refused with 409, never shifted). A SCHEDULED
     * one is planned anew on the air; what agents had fetched for the old time is withdrawn and sent again.
     */
    public Announcement reschedule(Caller caller, long id, Instant at) {
        if (!caller.may(Action.COMPOSE) && !caller.may(Action.APPROVE)) {
            throw Refusal.forbidden("Bạn không có quyền dời giờ phát tin.");
        }
        Instant now = clock.instant();
        if (at == null || !at.isAfter(now)) {
            throw Refusal.invalid("past_time", "Giờ phát mới đã qua; hãy chọn một thời điểm trong tương lai.");
        }
        Announcement moved = jdbi.inTransaction(h -> {
            Announcement a = readable(h, caller, id);
            requireCovers(h, caller, id);
            vn.loa.core.model.Schedule s = a.schedule();
            if (s.cron() != null) {
                throw Refusal.invalid("recurring", "Tin phát lặp lại không dời giờ được bằng cách kéo thả; hãy "
                        + "hủy rồi soạn lịch lặp mới.");
            }
            if (a.state() != AnnouncementState.APPROVED && a.state() != AnnouncementState.SCHEDULED) {
                throw Refusal.conflict("invalid_state", "Chỉ dời giờ được tin đã duyệt hoặc đang chờ phát; tin này "
                        + "đang ở " + a.state() + ".");
            }
            if (s.at() == null || !s.at().isAfter(now)) {
                throw Refusal.conflict("invalid_state", "Tin này không có giờ hẹn hoặc đã đến giờ phát; không dời "
                        + "được nữa.");
            }
            AnnouncementDraft d = programmes.checked(h, new AnnouncementDraft(a.title(), a.text(), a.audioId(),
                    a.relayUrl(), a.zones(), a.priority(), a.voice(), a.repeat(), a.chime(),
                    new vn.loa.core.model.Schedule(at, null, null, s.duration()), a.playlist()), null, id);
            announcements.update(h, id, d, now);
            lifecycle.keep(h, id, a.state(), now);
            audit.record(h, caller, "announcement.reschedule", "announcement:" + id, s.at() + " -> " + at);
            return announcements.find(h, id).orElseThrow();
        });
        if (moved.state() == AnnouncementState.SCHEDULED) {
            air.rescheduled(moved);
        }
        return moved;
    }

    /**
     * A step Loa takes by itself (on air, done, failed), recorded with the actor {@code loa}; false when the
     * announcement was no longer in the step's starting state (cancelled meanwhile, say).
     */
    public boolean advance(long id, LoaStep step, String reason) {
        return steps.advance(id, step, reason);
    }

    /** The stored announcement, for Loa's own use (no caller, no scope). */
    public java.util.Optional<Announcement> find(long id) {
        return steps.find(id);
    }

    /** A rule a person's step checks against the announcement as it stands, inside the step's transaction. */
    private interface Guard {
        Guard NONE = (h, a) -> { };

        void check(Handle h, Announcement a);
    }

    private Announcement move(Caller caller, long id, AnnouncementState to, String action, String reason) {
        return move(caller, id, to, action, reason, Guard.NONE);
    }

    private Announcement move(Caller caller, long id, AnnouncementState to, String action, String reason, Guard guard) {
        return lifecycle.byPerson(caller, id, to, action, reason, (h, key) -> {
            Announcement a = readable(h, caller, key);
            requireCovers(h, caller, key);
            guard.check(h, a);
            return a;
        });
    }

    private void requireCovers(Handle h, Caller caller, long id) {
        if (!announcements.zonePaths(h, id).stream().allMatch(caller::covers)) {
            throw Refusal.forbidden("Tin này phát cả ra ngoài đơn vị của bạn; chỉ cấp trên được thao tác.");
        }
    }

    private Announcement readable(Handle h, Caller caller, long id) {
        return announcements.find(h, id)
                .filter(a -> announcements.zonePaths(h, id).stream().anyMatch(caller::overlaps))
                .orElseThrow(() -> Refusal.notFound("tin", String.valueOf(id)));
    }

    private static void requireComposer(Caller caller, Priority priority) {
        require(caller, Action.COMPOSE, "Bạn không có quyền soạn tin.");
        if (priority == Priority.EMERGENCY && !caller.may(Action.APPROVE)) {
            throw Refusal.forbidden("Chỉ lãnh đạo được phát tin khẩn cấp (không qua phê duyệt).");
        }
        if (priority == Priority.LIVE && !caller.may(Action.SPEAK_LIVE)) {
            throw Refusal.forbidden("Chỉ lãnh đạo được phát trực tiếp.");
        }
    }

    private static void require(Caller caller, Action action, String message) {
        if (!caller.may(action)) {
            throw Refusal.forbidden(message);
        }
    }
}
