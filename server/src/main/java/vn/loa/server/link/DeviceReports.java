package vn.loa.server.link;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;
import vn.loa.server.http.Blocking;
import vn.loa.server.report.AvailabilityReport;
import vn.loa.server.report.BroadcastReport;
import vn.loa.server.report.DayStatistics;

/**
 * The downstream's device list and statistics going up (the guide's "danh sách thiết bị" and "thống kê"): every
 * {@code link.devices.every} it takes a snapshot of its zone tree, its nodes (an agent's live state: connected or
 * not, since when) and boards (a web player connected or not, since when, what it last showed), and the statistics
 * (today's bulletins aired, failed, cancelled and each agent's hours connected and availability; per day of the last
 * three, hours on air per zone and availability, see {@link DayStatistics}), and puts it in the outbox when it
 * differs from the last one sent. A snapshot supersedes the one before, so while one waits unsent (the link is down)
 * no other is added: the upstream gets the newest when the link returns, not a day of stale ones. Owns its timer;
 * the work runs on a worker.
 */
final class DeviceReports implements AutoCloseable {

    /** A snapshot is cut here, so one message stays well inside the outbox's row. */
    private static final int MOST = 500;
    /** The bytes of the downstreams' snapshots a province passes on up in one of its own (ADR 0048). */
    private static final int NESTED_BYTES = 600_000;
    /**
     * The days of statistics one snapshot carries (today and the two before): the upstream keeps them per day, so a
     * link down for up to two days still delivers the finished days' figures with the first snapshot after it.
     */
    private static final int DAYS = 3;

    private final Vertx vertx;
    private final Jdbi jdbi;
    private final Outbox outbox;
    private final BroadcastReport broadcasts;
    private final AvailabilityReport availability;
    private final DayStatistics days;
    private final Function<String, Instant> playerSince;
    private final Clock clock;
    private final long timer;
    private volatile String lastSent;

    /** @param playerSince since when a board's web player has been connected here, or null (see PlayerSockets) */
    DeviceReports(Vertx vertx, Jdbi jdbi, Blocking blocking, Outbox outbox, Duration every,
            Function<String, Instant> playerSince, Clock clock) {
        this.vertx = vertx;
        this.jdbi = jdbi;
        this.outbox = outbox;
        this.broadcasts = new BroadcastReport(jdbi, clock);
        this.availability = new AvailabilityReport(jdbi, clock);
        this.days = new DayStatistics(jdbi, clock);
        this.playerSince = playerSince;
        this.clock = clock;
        this.timer = LinkTimer.every(vertx, blocking, every, "the device report", this::tick);
    }

    /** Puts a new snapshot in the outbox when linked, changed, and none waits unsent. */
    synchronized void tick() {
        Optional<String> upstream = jdbi.withHandle(h -> h.createQuery("SELECT upstream_id FROM link_upstream "
                + "WHERE id = 1").mapTo(String.class).findOne());
        if (upstream.isEmpty()) {
            return;
        }
        JsonObject snapshot = jdbi.withHandle(this::snapshot);
        String hash = Downstreams.hash(snapshot.encode());
        if (hash.equals(lastSent)) {
            return;
        }
        jdbi.useTransaction(h -> {
            boolean waiting = h.createQuery("SELECT COUNT(*) FROM link_outbox WHERE peer = :p AND stream = :s AND "
                            + "kind = :k").bind("p", upstream.get()).bind("s", Envelope.REPORTS)
                    .bind("k", Envelope.DEVICES).mapTo(Integer.class).one() > 0;
            if (waiting) {
                return;
            }
            Instant now = clock.instant();
            outbox.put(h, upstream.get(), Envelope.REPORTS, Envelope.DEVICES, snapshot.copy().put("at", now.toString()),
                    now, null);
            lastSent = hash;
        });
    }

    private JsonObject snapshot(Handle h) {
        JsonArray zones = new JsonArray(h.createQuery("SELECT id, name, parent_id FROM zone ORDER BY path LIMIT " + MOST)
                .map((rs, ctx) -> new JsonObject().put("id", rs.getString(1)).put("name", rs.getString(2))
                        .put("parent", rs.getString(3)))
                .list());
        JsonArray nodes = new JsonArray(h.createQuery("SELECT n.id, n.name, n.zone_id, n.kind, n.lat, n.lon, "
                        + "(SELECT MAX(p.online_from) FROM node_presence p WHERE p.node_id = n.id AND p.online_to IS NULL) "
                        + "AS online_since FROM node n ORDER BY n.id LIMIT " + MOST)
                .map((rs, ctx) -> {
                    JsonObject n = new JsonObject().put("id", rs.getString("id")).put("name", rs.getString("name"))
                            .put("zone", rs.getString("zone_id")).put("kind", rs.getString("kind"))
                            .put("lat", rs.getObject("lat")).put("lon", rs.getObject("lon"));
                    // A standard RTP speaker has no control channel: its state is not known, only its deliveries.
                    if ("agent".equals(rs.getString("kind"))) {
                        n.put("online", rs.getObject("online_since") != null);
                        if (rs.getObject("online_since") != null) {
                            n.put("onlineSince", Rows.instant(rs, "online_since").toString());
                        }
                    }
                    return n;
                }).list());
        JsonArray boards = new JsonArray(h.createQuery("SELECT id, name, zone_id, kind, width, height FROM board "
                        + "ORDER BY id LIMIT " + MOST)
                .map((rs, ctx) -> new JsonObject().put("id", rs.getString(1)).put("name", rs.getString(2))
                        .put("zone", rs.getString(3)).put("kind", rs.getString(4)).put("width", rs.getInt(5))
                        .put("height", rs.getInt(6)))
                .list());
        boards.forEach(b -> live(h, (JsonObject) b));
        String[] root = LinkCallers.root(h);
        Caller whole = new Caller("loa", Role.ADMIN, root[0], root[1], null);
        JsonObject statistics = new JsonObject()
                .put("broadcasts", broadcasts.table(whole, 1).json())
                .put("availability", availability.table(whole, 1).json())
                .put("unit", h.createQuery("SELECT name FROM zone WHERE id = :id").bind("id", root[0])
                        .mapTo(String.class).one())
                .put("days", days.days(whole, DAYS));
        return new JsonObject().put("zones", zones).put("nodes", nodes).put("boards", boards)
                .put("statistics", statistics).put("downstreams", downstreams(h, NESTED_BYTES));
    }

    /**
     * A board's live state: whether a web player shows it now and since when (a player connected to this server), and
     * the item its player last reported showing, with when (proof of play; known for any player with a key).
     */
    private void live(Handle h, JsonObject board) {
        Instant since = playerSince.apply(board.getString("id"));
        board.put("online", since != null);
        if (since != null) {
            board.put("onlineSince", since.toString());
        }
        h.createQuery("SELECT item_id, shown_at FROM board_play WHERE board_id = :b ORDER BY shown_at DESC LIMIT 1")
                .bind("b", board.getString("id"))
                .map((rs, ctx) -> board.put("lastShown", new JsonObject().put("item", rs.getString(1))
                        .put("at", Rows.instant(rs, "shown_at").toString())))
                .findOne();
    }

    /**
     * The newest snapshots this system's own downstreams sent, nested as they came (with theirs below), so a central
     * system sees every commune's speakers through its province. Those past {@code budget} bytes are named only
     * ({@code omitted}), so the message stays inside the outbox's row and an HTTP body.
     */
    static JsonArray downstreams(Handle h, int budget) {
        JsonArray out = new JsonArray();
        int[] left = {budget};
        h.createQuery("SELECT d.id, d.zone_id, s.snapshot, s.received_at FROM link_downstream d JOIN link_devices s "
                        + "ON s.downstream_id = d.id ORDER BY d.id")
                .map((rs, ctx) -> {
                    JsonObject below = new JsonObject().put("id", rs.getString(1)).put("zone", rs.getString(2))
                            .put("receivedAt", Rows.instant(rs, "received_at").toString());
                    String snapshot = rs.getString(3);
                    int size = snapshot.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                    if (size > left[0]) {
                        return below.put("omitted", true);
                    }
                    left[0] -= size;
                    return new JsonObject(snapshot).mergeIn(below);
                })
                .forEach(out::add);
        return out;
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
