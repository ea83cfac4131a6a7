package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.locationtech.jts.geom.Geometry;
import vn.loa.server.access.Caller;

/**
 * Which zones, nodes and boards a CAP {@code <info>} reaches, and why (ADR 0045). A {@code <polygon>} or
 * {@code <circle>} reaches the nodes and boards standing inside it, the zones of those, and the zones whose boundary
 * it meets; a {@code <geocode>} reaches the zones carrying that code (valueName and value) and the zones an admin
 * named after the value; an {@code <areaDesc>} reaches the zones an admin named after it. Loa airs zones, so the
 * report also lists every other node and board of a reached zone (and below), "by zone". Only the caller's unit and
 * below are searched. Blocking (runs on the caller's handle).
 */
final class AlertReach {

    private final AlertAreas names;

    AlertReach(AlertAreas names) {
        this.names = names;
    }

    /** What one info block reaches. */
    Reach of(Handle h, Caller caller, CapAlert.Info info) {
        Reach reach = new Reach();
        List<String> byName = new ArrayList<>();
        Set<String> shapedDescs = new LinkedHashSet<>();
        for (CapAlert.Area area : info.areas()) {
            List<CapShape> shapes = new ArrayList<>();
            area.polygons().forEach(p -> shapes.add(CapShape.polygon(p)));
            area.circles().forEach(c -> shapes.add(CapShape.circle(c)));
            int before = reach.zones.size();
            for (CapShape shape : shapes) {
                byShape(h, caller, shape, reach);
            }
            if (reach.zones.size() > before) {
                shapedDescs.add(area.areaDesc());
            }
            for (CapAlert.Geocode code : area.codes()) {
                byGeocode(h, caller, code, reach);
            }
            byName.add(area.areaDesc());
            byName.addAll(area.geocodes());
        }
        Set<String> geocodeValues = new LinkedHashSet<>();
        info.areas().forEach(a -> geocodeValues.addAll(a.geocodes()));
        names.resolve(h, caller, byName).forEach((name, zoneIds) -> {
            String by = geocodeValues.contains(name) ? "geocode" : "name";
            zoneIds.forEach(z -> reach.zone(z, by, name));
            if (zoneIds.isEmpty() && !shapedDescs.contains(name) && !reach.geocoded.contains(name)) {
                reach.unmatched.add(name);
            }
        });
        byZone(h, reach);
        return reach;
    }

    private static void byShape(Handle h, Caller caller, CapShape shape, Reach reach) {
        String by = shape.kind().name().toLowerCase(Locale.ROOT);
        for (String table : List.of("node", "board")) {
            h.createQuery("SELECT t.id, t.zone_id, t.lat, t.lon FROM " + table + " t JOIN zone z ON z.id = t.zone_id "
                            + "WHERE t.lat IS NOT NULL AND t.lon IS NOT NULL AND LEFT(z.path, :n) = :prefix ORDER BY t.id")
                    .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                    .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4)})
                    .forEach(row -> {
                        if (shape.covers((Double) row[2], (Double) row[3])) {
                            reach.device(table, (String) row[0], (String) row[1], by, null);
                            reach.zone((String) row[1], by, table + ":" + row[0]);
                        }
                    });
        }
        h.createQuery("SELECT id, boundary FROM zone WHERE boundary IS NOT NULL AND LEFT(path, :n) = :prefix "
                        + "ORDER BY id")
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    Geometry boundary = ZoneBoundary.read(e.getValue());
                    if (shape.meets(boundary)) {
                        reach.zone(e.getKey(), by, "boundary");
                    }
                });
    }

    private static void byGeocode(Handle h, Caller caller, CapAlert.Geocode code, Reach reach) {
        if (code.value() == null || code.valueName() == null) {
            return;
        }
        h.createQuery("SELECT id, geocode_name FROM zone WHERE geocode_value = :v AND LEFT(path, :n) = :prefix "
                        + "ORDER BY id")
                .bind("v", code.value()).bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> {
                    if (e.getValue().equalsIgnoreCase(code.valueName())) {
                        reach.zone(e.getKey(), "geocode", code.valueName() + "=" + code.value());
                        reach.geocoded.add(code.value());
                    }
                });
    }

    /** Adds every node and board of the reached zones and below that no shape reached. */
    private static void byZone(Handle h, Reach reach) {
        for (String zone : List.copyOf(reach.zones.keySet())) {
            for (String table : List.of("node", "board")) {
                h.createQuery("SELECT t.id, t.zone_id FROM " + table + " t JOIN zone z ON z.id = t.zone_id "
                                + "JOIN zone r ON r.id = :zone WHERE LEFT(z.path, LENGTH(r.path)) = r.path ORDER BY t.id")
                        .bind("zone", zone).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                        .forEach(e -> reach.device(table, e.getKey(), e.getValue(), "zone", zone));
            }
        }
    }

    /** The zones, nodes and boards reached, each with why; and the names and codes that reached nothing. */
    static final class Reach {

        private final Map<String, JsonArray> zones = new LinkedHashMap<>();
        private final Map<String, JsonObject> nodes = new LinkedHashMap<>();
        private final Map<String, JsonObject> boards = new LinkedHashMap<>();
        private final List<String> unmatched = new ArrayList<>();
        private final Set<String> geocoded = new LinkedHashSet<>();

        void zone(String id, String by, String via) {
            JsonObject why = new JsonObject().put("by", by).put("via", via);
            JsonArray reasons = zones.computeIfAbsent(id, k -> new JsonArray());
            if (!reasons.contains(why)) {
                reasons.add(why);
            }
        }

        void device(String table, String id, String zone, String by, String via) {
            Map<String, JsonObject> devices = table.equals("node") ? nodes : boards;
            JsonObject device = devices.get(id);
            if (device == null) {
                devices.put(id, new JsonObject().put("id", id).put("zone", zone)
                        .put("by", new JsonArray().add(via == null ? by : by + ":" + via)));
            } else if (!"zone".equals(by) && !device.getJsonArray("by").contains(by)) {
                device.getJsonArray("by").add(by);
            }
        }

        List<String> zoneIds() {
            return List.copyOf(zones.keySet());
        }

        List<String> unmatched() {
            return List.copyOf(unmatched);
        }

        JsonObject json() {
            JsonArray zoneList = new JsonArray();
            zones.forEach((id, why) -> zoneList.add(new JsonObject().put("id", id).put("by", why)));
            return new JsonObject().put("zones", zoneList).put("nodes", new JsonArray(List.copyOf(nodes.values())))
                    .put("boards", new JsonArray(List.copyOf(boards.values())));
        }
    }
}
