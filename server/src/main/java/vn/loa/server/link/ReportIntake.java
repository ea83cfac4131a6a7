package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.DeliveryState;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The upstream's half of reports up: a downstream's delivery per node is recorded on the upstream's own bulletin as a
 * delivery of the node {@code <downstream>/<node>}, so {@code GET /api/v1/announcements/{id}} shows every speaker of
 * the province; a bulletin the downstream refused (or found expired) shows as a failed delivery of the downstream
 * itself. A report on a bulletin that came from further up is passed on up. Runs on the receiving transaction's
 * handle; stateless.
 */
final class ReportIntake {

    /** The column a snapshot is kept in (link_devices.snapshot). */
    private static final int SNAPSHOT_MAX = 1_000_000;

    private final Outbox outbox;
    private final java.time.Clock clock;

    ReportIntake(Outbox outbox, java.time.Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Applies one report; the outcome recorded in the inbox. */
    String apply(Handle h, String downstream, Envelope e) {
        String outcome = record(h, downstream, e);
        if (!outcome.startsWith("ignored")) {
            forward(h, downstream, e);
        }
        return outcome;
    }

    /**
     * A report on a bulletin that came from further up (central, province, commune) goes on up in the same
     * transaction, its nodes named by the path below ({@code <downstream>/<node>}), so the top sees every speaker.
     */
    private void forward(Handle h, String downstream, Envelope e) {
        long origin = e.body().getLong("origin", -1L);
        var above = h.createQuery("SELECT origin_id FROM link_received WHERE announcement_id = :a").bind("a", origin)
                .mapTo(Long.class).findOne();
        var upstream = h.createQuery("SELECT upstream_id FROM link_upstream WHERE id = 1").mapTo(String.class)
                .findOne();
        if (above.isEmpty() || upstream.isEmpty()) {
            return;
        }
        io.vertx.core.json.JsonArray deliveries = new io.vertx.core.json.JsonArray();
        if (Envelope.DELIVERIES.equals(e.kind())) {
            for (Object o : e.body().getJsonArray("deliveries", new io.vertx.core.json.JsonArray())) {
                if (o instanceof JsonObject d) {
                    deliveries.add(d.copy().put("node", downstream + "/" + d.getString("node", "?")));
                }
            }
        } else if (Envelope.REFUSED.equals(e.kind())) {
            deliveries.add(new JsonObject().put("node", downstream).put("state", DeliveryState.FAILED.name())
                    .put("detail", e.body().getString("code", "refused") + ": " + e.body().getString("message", ""))
                    .put("at", e.at().toString()));
        } else {
            return;
        }
        outbox.put(h, upstream.get(), Envelope.REPORTS, Envelope.DELIVERIES, new JsonObject()
                .put("origin", above.get()).put("state", e.body().getString("state", "FAILED"))
                .put("deliveries", deliveries), clock.instant(), null);
    }

    private String record(Handle h, String downstream, Envelope e) {
        if (Envelope.DEVICES.equals(e.kind())) {
            return devices(h, downstream, e);
        }
        long origin = e.body().getLong("origin", -1L);
        boolean sent = h.createQuery("SELECT COUNT(*) FROM link_sent WHERE downstream_id = :d AND announcement_id = :a")
                .bind("d", downstream).bind("a", origin).mapTo(Integer.class).one() > 0;
        if (!sent) {
            return "ignored: bulletin " + origin + " was not sent to " + downstream;
        }
        switch (e.kind()) {
            case Envelope.DELIVERIES -> {
                int n = 0;
                for (Object o : e.body().getJsonArray("deliveries", new io.vertx.core.json.JsonArray())) {
                    if (o instanceof JsonObject d && record(h, origin, downstream + "/" + d.getString("node", "?"),
                            d.getString("state"), d.getString("detail"), d.getString("at"), e.at())) {
                        n++;
                    }
                }
                return "deliveries: " + n;
            }
            case Envelope.REFUSED -> {
                String code = e.body().getString("code", "refused");
                record(h, origin, downstream, DeliveryState.FAILED.name(),
                        code + ": " + e.body().getString("message", ""), null, e.at());
                return "refused downstream: " + code;
            }
            default -> {
                return "ignored: unknown kind " + e.kind();
            }
        }
    }

    /**
     * The downstream's newest device list and statistics replace the ones before (an older one is ignored); its days'
     * statistics are kept per day for the province's report.
     */
    private String devices(Handle h, String downstream, Envelope e) {
        Instant taken = Instant.parse(e.body().getString("at"));
        String snapshot = e.body().encode();
        if (snapshot.length() > SNAPSHOT_MAX) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, "snapshot_too_large", "Danh sách thiết bị quá lớn ("
                    + snapshot.length() + " ký tự, tối đa " + SNAPSHOT_MAX + ").", null, "body");
        }
        int updated = h.createUpdate("UPDATE link_devices SET snapshot = :s, taken_at = :t, received_at = :now "
                        + "WHERE downstream_id = :d AND taken_at < :t")
                .bind("s", snapshot).bind("t", Rows.utc(taken)).bind("now", Rows.utc(clock.instant()))
                .bind("d", downstream).execute();
        if (updated == 0 && h.createQuery("SELECT COUNT(*) FROM link_devices WHERE downstream_id = :d")
                .bind("d", downstream).mapTo(Integer.class).one() == 0) {
            h.createUpdate("INSERT INTO link_devices (downstream_id, snapshot, taken_at, received_at) VALUES (:d, :s, "
                            + ":t, :now)")
                    .bind("s", snapshot).bind("t", Rows.utc(taken)).bind("now", Rows.utc(clock.instant()))
                    .bind("d", downstream).execute();
        }
        DayStatisticsIntake.keep(h, downstream, e.body(), clock.instant());
        return "devices: " + e.body().getJsonArray("nodes", new io.vertx.core.json.JsonArray()).size() + " nodes";
    }

    private static boolean record(Handle h, long announcement, String node, String state, String detail, String at,
            Instant fallback) {
        DeliveryState s;
        Instant when;
        try {
            s = DeliveryState.valueOf(state);
            when = at == null ? fallback : Instant.parse(at);
        } catch (RuntimeException ex) {
            return false; // a state this version does not know: skipped, the rest of the report stands
        }
        String nodeId = node.length() > 64 ? node.substring(0, 64) : node;
        String text = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        int updated = h.createUpdate("UPDATE delivery SET state = :s, detail = :d, updated_at = :at "
                        + "WHERE announcement_id = :a AND node_id = :n")
                .bind("s", s.name()).bind("d", text).bind("at", Rows.utc(when)).bind("a", announcement)
                .bind("n", nodeId).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO delivery (announcement_id, node_id, state, detail, updated_at) "
                            + "VALUES (:a, :n, :s, :d, :at)")
                    .bind("s", s.name()).bind("d", text).bind("at", Rows.utc(when)).bind("a", announcement)
                    .bind("n", nodeId).execute();
        }
        return true;
    }
}
