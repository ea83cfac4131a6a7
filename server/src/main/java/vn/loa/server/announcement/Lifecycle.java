package vn.loa.server.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * The one door of every announcement state change: it checks the move against the transition table
 * ({@link AnnouncementState}), records the transition row, writes the audit when the move is a person's, and tells the
 * listeners once the change is committed. A person's moves come through {@link #byPerson}, Loa's own through
 * {@link #byLoa} by intent ({@link LoaStep}).
 */
final class Lifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Jdbi jdbi;
    private final AnnouncementRepository announcements;
    /** Where Loa's own steps are taken: they need no scope check and no audit, so any store will do. */
    private final AnnouncementStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<AnnouncementService.StateListener> listeners = new CopyOnWriteArrayList<>();
    private final List<AnnouncementService.TransitionHook> hooks = new CopyOnWriteArrayList<>();

    Lifecycle(Jdbi jdbi, AnnouncementRepository announcements, AuditLog audit, Clock clock) {
        this(jdbi, announcements, new JdbiAnnouncementStore(jdbi, announcements), audit, clock);
    }

    /**
     * A lifecycle for Loa's own steps alone, on any store (a unit test's in memory); a person's move, which needs the
     * database for the scope checks and the audit, is refused.
     */
    Lifecycle(AnnouncementStore store, Clock clock) {
        this(null, null, store, null, clock);
    }

    private Lifecycle(Jdbi jdbi, AnnouncementRepository announcements, AnnouncementStore store, AuditLog audit,
            Clock clock) {
        this.jdbi = jdbi;
        this.announcements = announcements;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The store Loa's steps are taken on. */
    AnnouncementStore store() {
        return store;
    }

    void onStateChange(AnnouncementService.StateListener listener) {
        listeners.add(listener);
    }

    void withinTransition(AnnouncementService.TransitionHook hook) {
        hooks.add(hook);
    }

    /** Records a transition row and runs the hooks that write in its transaction (the province link's outbox). */
    private void record(Handle h, long id, AnnouncementState from, AnnouncementState to, String actor, String reason,
            Instant now) {
        announcements.recordTransition(h, id, from, to, actor, reason, now);
        hooks.forEach(hook -> hook.moved(h, id, from, to));
    }

    /** Records the state a new announcement starts in: DRAFT, or APPROVED for an emergency that skips approval. */
    void begin(Handle h, long id, AnnouncementState initial, String actor, String reason, Instant now) {
        if (initial != AnnouncementState.DRAFT && initial != AnnouncementState.APPROVED) {
            throw new IllegalArgumentException("an announcement starts as DRAFT or APPROVED, not " + initial);
        }
        record(h, id, null, initial, actor, reason, now);
    }

    /**
     * Keeps the state but marks the row changed (a new time, say), refusing with 409 if someone moved it meanwhile, so
     * a concurrent move notices.
     */
    void keep(Handle h, long id, AnnouncementState state, Instant now) {
        if (!announcements.moveState(h, id, state, state, now)) {
            throw concurrentChange();
        }
        // Changed in place (moved to another time): the province link sends the change down with it.
        hooks.forEach(hook -> hook.moved(h, id, state, state));
    }

    /**
     * Moves the announcement for a person, {@code read} finding it (and checking the person's scope and rules) inside
     * the step's transaction. Loa's own steps (on air, done) may land between reading its state and writing the new
     * one; the move is then tried again against the new state (a cancel that meets ON_AIR still cancels), and refused
     * only if the announcement keeps changing or the new state forbids the move. A person never takes the moves the
     * table keeps for recurring announcements.
     */
    Announcement byPerson(Caller caller, long id, AnnouncementState to, String action, String reason,
            BiFunction<Handle, Long, Announcement> read) {
        if (jdbi == null) {
            throw new IllegalStateException("a person's move needs the database / cần cơ sở dữ liệu");
        }
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Optional<Announcement> moved = jdbi.inTransaction(h -> {
                Announcement a = read.apply(h, id);
                if (!a.state().canMoveTo(to)) {
                    throw Refusal.conflict("invalid_state", "Không thể chuyển tin từ trạng thái " + a.state()
                            + " sang " + to + ".");
                }
                if (!announcements.moveState(h, id, a.state(), to, now)) {
                    return Optional.<Announcement>empty();
                }
                record(h, id, a.state(), to, caller.username(), reason, now);
                audit.record(h, caller, action, "announcement:" + id, reason);
                return Optional.of(a.withState(to, now));
            });
            if (moved.isPresent()) {
                tell(moved.get(), to);
                return moved.get();
            }
            if (attempt == 3) {
                throw concurrentChange();
            }
        }
    }

    /**
     * A step Loa takes by itself, recorded with the actor {@code loa}; false when the announcement was no longer in
     * the step's starting state (cancelled meanwhile, say) or the table forbids the step for it. A recurring
     * announcement that has aired (or failed once) waits in SCHEDULED for its next airing, in the same transaction.
     */
    boolean byLoa(long id, LoaStep step, String reason) {
        Instant now = clock.instant();
        Announcement[] moved = new Announcement[1];
        boolean done = store.inTransaction(rows -> {
            Optional<Announcement> found = step.recurringOnly() || !listeners.isEmpty() || ends(step.to())
                    ? rows.find(id) : Optional.empty();
            boolean recurring = found.map(a -> a.schedule().cron() != null).orElse(false);
            if (!step.from().canMoveTo(step.to(), recurring)) {
                if (found.isEmpty()) {
                    return false; // gone, or never there: nothing to refuse
                }
                LOG.error("announcement {}: the transition table refuses Loa's step {} ({} -> {})", id, step,
                        step.from(), step.to());
                return false;
            }
            if (!rows.moveState(id, step.from(), step.to(), now)) {
                return false;
            }
            rows.recordTransition(id, step.from(), step.to(), AnnouncementService.SYSTEM_ACTOR, reason, now);
            // The hooks write in the same transaction (the province link's outbox); a store in memory has no SQL
            // transaction to lend them, and a lifecycle on one has no hooks.
            if (rows instanceof JdbiAnnouncementStore.SqlRows sql) {
                hooks.forEach(hook -> hook.moved(sql.handle(), id, step.from(), step.to()));
            }
            moved[0] = found.map(a -> a.withState(step.to(), now)).orElse(null);
            if (recurring && ends(step.to()) && !step.recurringOnly()) {
                waitForNextAiring(rows, found.get(), step.to(), now);
            }
            return true;
        });
        if (moved[0] != null) {
            tell(moved[0], step.to());
        }
        return done;
    }

    private static boolean ends(AnnouncementState state) {
        return state == AnnouncementState.DONE || state == AnnouncementState.FAILED;
    }

    private void waitForNextAiring(AnnouncementStore.Rows rows, Announcement a, AnnouncementState ended, Instant now) {
        var s = a.schedule();
        new Recurrence(s.at(), s.cron(), s.until()).nextAfter(now).ifPresent(next -> {
            LoaStep step = LoaStep.waitingAfter(ended);
            rows.moveState(a.id(), step.from(), step.to(), now);
            rows.recordTransition(a.id(), step.from(), step.to(), AnnouncementService.SYSTEM_ACTOR,
                    "chờ lần phát tiếp theo lúc " + next.atZone(Recurrence.STATION_ZONE).toLocalDateTime()
                            + " / next airing", now);
        });
    }

    private void tell(Announcement a, AnnouncementState to) {
        listeners.forEach(l -> l.changed(a, to));
    }

    private static Refusal concurrentChange() {
        return new Refusal(Refusal.Kind.CONFLICT, "concurrent_change",
                "Tin vừa được người khác thay đổi; hãy tải lại rồi thử lại.",
                "Someone else has just changed this announcement; reload it and try again.", null);
    }
}
