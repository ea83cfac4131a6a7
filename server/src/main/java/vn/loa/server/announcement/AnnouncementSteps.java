package vn.loa.server.announcement;

import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.server.audit.AuditLog;

/**
 * The lifecycle's door for Loa's own steps, built before the air and the {@link AnnouncementService}, which both go
 * through it (see {@link LoaSteps} for why it stands apart). Blocking (JDBC).
 */
public final class AnnouncementSteps implements LoaSteps {

    private final Lifecycle lifecycle;

    /** The server's: persons' moves and Loa's through one lifecycle on the database. */
    public AnnouncementSteps(Jdbi jdbi, AnnouncementRepository announcements, AuditLog audit, Clock clock) {
        this(new Lifecycle(jdbi, announcements, audit, clock));
    }

    private AnnouncementSteps(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Loa's steps alone on {@code store} (a unit test's in memory), for testing what the air and the clock do. */
    public static AnnouncementSteps on(AnnouncementStore store, Clock clock) {
        return new AnnouncementSteps(new Lifecycle(store, clock));
    }

    @Override
    public boolean advance(long id, LoaStep step, String reason) {
        return lifecycle.byLoa(id, step, reason);
    }

    @Override
    public Optional<Announcement> find(long id) {
        return lifecycle.store().inTransaction(rows -> rows.find(id));
    }

    /**
     * Stores an announcement Loa makes by itself, approved already (a session a programme template airs: its parts
     * were approved one by one), within {@code h}'s transaction; returns its id. It then waits for
     * {@link LoaStep#HANDED_TO_AIR}.
     */
    public long beginApproved(org.jdbi.v3.core.Handle h, Announcement a, String reason) {
        if (a.state() != vn.loa.core.model.AnnouncementState.APPROVED) {
            throw new IllegalArgumentException("Loa's own announcements start APPROVED, not " + a.state());
        }
        long id = new AnnouncementRepository().insert(h, a);
        lifecycle.begin(h, id, a.state(), AnnouncementService.SYSTEM_ACTOR, reason, a.createdAt());
        return id;
    }

    /** Told of every state change once it is committed, whoever made it; must not block. */
    public void onStateChange(AnnouncementService.StateListener listener) {
        lifecycle.onStateChange(listener);
    }

    /** The one door of every state change, shared with the service so persons' moves pass it too. */
    Lifecycle lifecycle() {
        return lifecycle;
    }
}
