package vn.loa.server.link;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.db.Rows;
import vn.loa.server.http.Blocking;

/**
 * Sends a bulletin's deliveries up again when one changed after they went up: a node agent reports PLAYED when its
 * audio ended, which is after the air ended the bulletin (and {@link ReportDispatch} reported it, with the agent still
 * SENT). Looks every {@code link.devices.every} at the bulletins reported within the last day. The upstream applies a
 * node's delivery by its id, so sending one again is harmless. Owns its timer; the work runs on a worker.
 */
final class LateDeliveries implements AutoCloseable {

    /** How long after its report a bulletin's deliveries are still looked at. */
    private static final Duration WATCHED = Duration.ofDays(1);

    private final Vertx vertx;
    private final Jdbi jdbi;
    private final AnnouncementRepository announcements;
    private final Outbox outbox;
    private final Clock clock;
    private final long timer;

    LateDeliveries(Vertx vertx, Jdbi jdbi, Blocking blocking, AnnouncementRepository announcements, Outbox outbox,
            Duration every, Clock clock) {
        this.vertx = vertx;
        this.jdbi = jdbi;
        this.announcements = announcements;
        this.outbox = outbox;
        this.clock = clock;
        this.timer = LinkTimer.every(vertx, blocking, every, "sending late deliveries up", this::tick);
    }

    /** Puts the deliveries of each bulletin with a delivery newer than its last report in the outbox again. */
    synchronized void tick() {
        Optional<String> upstream = jdbi.withHandle(h -> h.createQuery("SELECT upstream_id FROM link_upstream "
                + "WHERE id = 1").mapTo(String.class).findOne());
        if (upstream.isEmpty()) {
            return;
        }
        List<long[]> late = jdbi.withHandle(h -> h.createQuery("SELECT r.announcement_id, r.origin_id "
                        + "FROM link_received r WHERE r.reported_at > :since AND EXISTS (SELECT 1 FROM delivery d "
                        + "WHERE d.announcement_id = r.announcement_id AND d.updated_at > r.reported_at)")
                .bind("since", Rows.utc(clock.instant().minus(WATCHED)))
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
        for (long[] bulletin : late) {
            jdbi.useTransaction(h -> {
                String state = h.createQuery("SELECT state FROM announcement WHERE id = :a").bind("a", bulletin[0])
                        .mapTo(String.class).one();
                Instant now = clock.instant();
                ReportDispatch.put(h, announcements, outbox, upstream.get(), bulletin[0], bulletin[1], state, now);
            });
        }
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
