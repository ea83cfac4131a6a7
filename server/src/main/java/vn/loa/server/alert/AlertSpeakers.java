package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Which speakers aired an alert and which were down, and why (ADR 0051), from the delivery records of every airing
 * of it: per node, how many airings it took ({@code SENT}, {@code RECEIVED} or {@code PLAYED}), the state of its
 * latest airing, and that airing's reason when it failed (not connected, off the network, cut off). A speaker is down
 * when its latest airing failed. Blocking (JDBC, on the caller's handle).
 */
final class AlertSpeakers {

    private static final Set<String> AIRED = Set.of("SENT", "RECEIVED", "PLAYED");

    private AlertSpeakers() {
    }

    /** {@code [{node, name, zone, aired, airings, state, down, why?}]}, in the order the nodes were first reached. */
    static JsonArray report(Handle h, long alertId) {
        Map<String, JsonObject> byNode = new LinkedHashMap<>();
        h.createQuery("SELECT d.node_id, n.name, n.zone_id, d.state, d.detail, l.airing FROM alert_announcement l "
                        + "JOIN delivery d ON d.announcement_id = l.announcement_id LEFT JOIN node n ON n.id = d.node_id "
                        + "WHERE l.alert_id = :a ORDER BY l.airing, d.announcement_id, d.node_id")
                .bind("a", alertId)
                .map((rs, ctx) -> {
                    JsonObject speaker = byNode.computeIfAbsent(rs.getString(1), id -> new JsonObject()
                            .put("node", id).put("name", null).put("zone", null).put("aired", 0).put("airings", 0)
                            .put("lastAiring", 0));
                    speaker.put("name", rs.getString(2)).put("zone", rs.getString(3));
                    int airing = rs.getInt(6);
                    if (airing != speaker.getInteger("lastAiring")) {
                        // One airing may hold several parts (languages): it counts once, and its worst part tells.
                        speaker.put("airings", speaker.getInteger("airings") + 1).put("lastAiring", airing)
                                .put("state", rs.getString(4)).put("why", rs.getString(5));
                        if (AIRED.contains(rs.getString(4))) {
                            speaker.put("aired", speaker.getInteger("aired") + 1);
                        }
                    } else if (!AIRED.contains(rs.getString(4)) && AIRED.contains(speaker.getString("state"))) {
                        speaker.put("state", rs.getString(4)).put("why", rs.getString(5))
                                .put("aired", speaker.getInteger("aired") - 1);
                    }
                    return speaker;
                })
                .list();
        JsonArray out = new JsonArray();
        byNode.values().forEach(s -> {
            s.remove("lastAiring");
            boolean down = "FAILED".equals(s.getString("state"));
            s.put("down", down);
            if (!down && !"PENDING".equals(s.getString("state"))) {
                s.remove("why");
            }
            out.add(s);
        });
        return out;
    }
}
