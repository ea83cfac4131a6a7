package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.db.Rows;

/**
 * The downstream's half of reports up: when a bulletin received from above has aired (or failed, or was cancelled),
 * its delivery per node goes into the outbox towards the upstream, in the transaction that ends it; one that changes
 * later goes up again through {@link LateDeliveries}. Stateless.
 */
public final class ReportDispatch implements AnnouncementService.TransitionHook {

    private static final Set<AnnouncementState> ENDS = Set.of(AnnouncementState.DONE, AnnouncementState.FAILED,
            AnnouncementState.CANCELLED);

    private final AnnouncementRepository announcements;
    private final Outbox outbox;
    private final Clock clock;

    public ReportDispatch(AnnouncementRepository announcements, Outbox outbox, Clock clock) {
        this.announcements = announcements;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void moved(Handle h, long id, AnnouncementState from, AnnouncementState to) {
        if (!ENDS.contains(to)) {
            return;
        }
        Optional<Long> origin = h.createQuery("SELECT origin_id FROM link_received WHERE announcement_id = :a")
                .bind("a", id).mapTo(Long.class).findOne();
        Optional<String> upstream = h.createQuery("SELECT upstream_id FROM link_upstream WHERE id = 1")
                .mapTo(String.class).findOne();
        if (origin.isEmpty() || upstream.isEmpty()) {
            return;
        }
        put(h, announcements, outbox, upstream.get(), id, origin.get(), to.name(), clock.instant());
    }

    /**
     * Puts the deliveries of {@code id} (the copy of the upstream's bulletin {@code origin}) in the outbox, and notes
     * when, so a delivery that changes later goes up again ({@link LateDeliveries}).
     */
    static void put(Handle h, AnnouncementRepository announcements, Outbox outbox, String upstream, long id,
            long origin, String state, Instant now) {
        JsonArray deliveries = new JsonArray();
        announcements.deliveries(h, id).forEach(d -> deliveries.add(new JsonObject().put("node", d.nodeId())
                .put("state", d.state().name()).put("detail", d.detail()).put("at", d.updatedAt().toString())));
        outbox.put(h, upstream, Envelope.REPORTS, Envelope.DELIVERIES, new JsonObject()
                .put("origin", origin).put("state", state).put("deliveries", deliveries), now, null);
        h.createUpdate("UPDATE link_received SET reported_at = :now WHERE announcement_id = :a")
                .bind("now", Rows.utc(now)).bind("a", id).execute();
    }
}
