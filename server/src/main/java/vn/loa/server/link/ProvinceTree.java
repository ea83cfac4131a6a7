package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The upstream's tree as far down as its downstreams reach (ADR 0059): the zones, nodes and boards of each
 * downstream's newest snapshot, and of the systems below it the snapshot nests, merged below the zone the downstream
 * stands for. Each mirrored entry's id is the downstream's path and its own id ({@code xa-a/thon-1},
 * {@code tinh/xa-a/loa-1}), so it never clashes with an id of this tree, and it carries {@code readOnly: true} and
 * {@code mirror: {downstream, id}}. Served apart from {@code /zones}, {@code /nodes} and {@code /boards}, whose callers
 * act on every id they list. Blocking (JDBC).
 */
final class ProvinceTree {

    /** Downstreams per page: a province of a hundred communes comes in one call. */
    static final int MOST = 100;
    /** Systems nested deeper than this are not followed (a centre › province › commune chain is three). */
    private static final int DEPTH = 6;

    private final Jdbi jdbi;

    ProvinceTree(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The mirrored entries of the downstreams the caller's unit covers, {@code limit} of them from {@code offset} (by
     * id): {@code {zones, nodes, boards, downstreams: [{id, name, zone, zoneName, at, receivedAt, omitted?}], next}}.
     */
    JsonObject page(Caller caller, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MOST) {
            throw Refusal.invalid("invalid_page", "offset từ 0, limit từ 1 đến " + MOST + ".", "limit");
        }
        return jdbi.withHandle(h -> {
            List<String[]> linked = h.createQuery("SELECT d.id, d.name, d.zone_id, z.name, z.path FROM link_downstream d "
                            + "JOIN zone z ON z.id = d.zone_id ORDER BY d.id")
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)})
                    .list().stream().filter(r -> caller.covers(r[4])).toList();
            JsonObject tree = empty();
            List<String[]> shown = linked.subList(Math.min(offset, linked.size()), Math.min(offset + limit,
                    linked.size()));
            Map<String, JsonObject> snapshots = new HashMap<>();
            if (!shown.isEmpty()) {
                // One query for the page: a province of a hundred communes is one round trip, not a hundred.
                h.createQuery("SELECT downstream_id, snapshot, received_at FROM link_devices WHERE downstream_id "
                                + "IN (<ids>)").bindList("ids", shown.stream().map(d -> d[0]).toList())
                        .map((rs, ctx) -> Map.entry(rs.getString(1), new JsonObject(rs.getString(2))
                                .put("receivedAt", Rows.instant(rs, "received_at").toString())))
                        .forEach(e -> snapshots.put(e.getKey(), e.getValue()));
            }
            for (String[] d : shown) {
                JsonObject entry = new JsonObject().put("id", d[0]).put("name", d[1]).put("zone", d[2])
                        .put("zoneName", d[3]);
                JsonObject snapshot = snapshots.getOrDefault(d[0], new JsonObject());
                tree.getJsonArray("downstreams").add(entry.put("at", text(snapshot, "at"))
                        .put("receivedAt", text(snapshot, "receivedAt")));
                merge(tree, d[0], d[2], snapshot, 1);
            }
            return tree.put("next", offset + limit < linked.size() ? offset + limit : null);
        });
    }

    static JsonObject empty() {
        return new JsonObject().put("zones", new JsonArray()).put("nodes", new JsonArray()).put("boards", new JsonArray())
                .put("downstreams", new JsonArray());
    }

    /**
     * Adds the entries of {@code snapshot}, the newest one the downstream at {@code path} sent, to {@code tree}: its
     * zones below {@code under} (its roots, and a zone whose parent the snapshot cut off), its nodes and boards in
     * their mirrored zones, then the systems it nests, each below the mirror of the zone it stands for there.
     */
    static void merge(JsonObject tree, String path, String under, JsonObject snapshot, int depth) {
        Set<String> own = new HashSet<>();
        for (JsonObject z : objects(snapshot, "zones")) {
            own.add(text(z, "id"));
        }
        for (JsonObject z : objects(snapshot, "zones")) {
            String parent = text(z, "parent");
            tree.getJsonArray("zones").add(mirror(path, z).put("name", text(z, "name"))
                    .put("parent", own.contains(parent) ? path + "/" + parent : under));
        }
        for (String kind : List.of("nodes", "boards")) {
            for (JsonObject device : objects(snapshot, kind)) {
                String zone = text(device, "zone");
                tree.getJsonArray(kind).add(device.copy().mergeIn(mirror(path, device))
                        .put("zone", own.contains(zone) ? path + "/" + zone : under));
            }
        }
        for (JsonObject below : objects(snapshot, "downstreams")) {
            String id = text(below, "id");
            if (id == null || id.contains("/")) {
                continue;
            }
            String zone = text(below, "zone");
            String there = own.contains(zone) ? path + "/" + zone : under;
            JsonObject entry = new JsonObject().put("id", path + "/" + id).put("zone", there)
                    .put("zoneName", nameOf(snapshot, zone)).put("at", text(below, "at"))
                    .put("receivedAt", text(below, "receivedAt"));
            boolean followed = !Boolean.TRUE.equals(below.getValue("omitted")) && depth < DEPTH;
            tree.getJsonArray("downstreams").add(followed ? entry : entry.put("omitted", true));
            if (followed) {
                merge(tree, path + "/" + id, there, below, depth + 1);
            }
        }
    }

    private static JsonObject mirror(String path, JsonObject entry) {
        String id = text(entry, "id");
        return new JsonObject().put("id", path + "/" + id).put("readOnly", true)
                .put("mirror", new JsonObject().put("downstream", path).put("id", id));
    }

    private static String nameOf(JsonObject snapshot, String zone) {
        return objects(snapshot, "zones").stream().filter(z -> text(z, "id").equals(zone))
                .map(z -> text(z, "name")).findFirst().orElse(null);
    }

    private static String text(JsonObject o, String key) {
        return o.getValue(key) instanceof String s ? s : null;
    }

    /** The objects of a snapshot's list, skipping what is not one or has no id (another vendor's snapshot). */
    private static List<JsonObject> objects(JsonObject snapshot, String key) {
        JsonArray list = snapshot.getValue(key) instanceof JsonArray a ? a : new JsonArray();
        return list.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .filter(o -> o.getValue("id") instanceof String).toList();
    }
}
