package vn.loa.server.cluster;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.air.AirShare;
import vn.loa.server.air.AirStation;
import vn.loa.server.announcement.LoaSteps;

/**
 * The air shared by the members: a zone's packets leave only the member holding its lease; an announcement put on air
 * or cancelled on one member is told to all over the clustered event bus, and each airs it on the zones it holds; a
 * member that takes a zone over puts back on air, from the top, what was on air there (a live voice it hears rejoins
 * where the caller is).
 */
final class ClusterAir implements AirShare {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterAir.class);
    static final String AIRED = "loa.cluster.aired";
    static final String CANCELLED = "loa.cluster.cancelled";

    private final Vertx vertx;
    private final Jdbi jdbi;
    private final String member;
    private final HeldLeases held;
    private final LoaSteps lifecycle;
    private final AirStation station;

    ClusterAir(Vertx vertx, Jdbi jdbi, String member, HeldLeases held, LoaSteps lifecycle, AirStation station) {
        this.vertx = vertx;
        this.jdbi = jdbi;
        this.member = member;
        this.held = held;
        this.lifecycle = lifecycle;
        this.station = station;
    }

    /** Listens to the other members' news. */
    void listen() {
        vertx.eventBus().<JsonObject>consumer(AIRED, message -> {
            if (!member.equals(message.body().getString("from"))) {
                long id = message.body().getLong("id");
                vertx.executeBlocking(() -> {
                    lifecycle.find(id).ifPresent(a -> station.continueHere(a, zone -> true));
                    return null;
                });
            }
        });
        vertx.eventBus().<JsonObject>consumer(CANCELLED, message -> {
            if (!member.equals(message.body().getString("from"))) {
                station.onAir().cancelHere(message.body().getLong("id"));
            }
        });
    }

    @Override
    public boolean holds(String zone) {
        return held.holds(zone);
    }

    @Override
    public String ownerOf(String zone) {
        return jdbi.withHandle(h -> new ZoneLeases(LeaseKeeper.LEASE).ownerAddress(h, zone, member));
    }

    @Override
    public void aired(long announcementId) {
        vertx.eventBus().publish(AIRED, new JsonObject().put("id", announcementId).put("from", member));
    }

    @Override
    public void cancelled(long announcementId) {
        vertx.eventBus().publish(CANCELLED, new JsonObject().put("id", announcementId).put("from", member));
    }

    /**
     * Puts back on air, from the top, what is on air in {@code zone} by the records: announcements ON_AIR with a
     * delivery to a node of the zone. An emergency keeps its priority; a notice restarts, as after preemption.
     */
    void tookOver(String zone) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT a.id FROM announcement a "
                        + "JOIN delivery d ON d.announcement_id = a.id JOIN node n ON n.id = d.node_id "
                        + "WHERE a.state = 'ON_AIR' AND n.zone_id = :zone")
                .bind("zone", zone).mapTo(Long.class).list());
        for (long id : ids) {
            LOG.info("zone {} taken over: announcement {} goes on air again here", zone, id);
            lifecycle.find(id).ifPresent(a -> station.continueHere(a, zone::equals));
        }
    }
}
