package vn.loa.server.alert;

import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Action;
import vn.loa.server.auth.Caller;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * Where CAP areas land: a zone's boundary (GeoJSON) and geocode (e.g. VN-MADVHC, the administrative unit code), and a
 * board's position. Set by the unit's admins, audited. Blocking (JDBC).
 */
public final class AlertPlaces {

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[\\p{L}\\p{N}._:/-]{1,64}");

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final AuditLog audit;

    public AlertPlaces(Jdbi jdbi, ZoneGuard zones, AuditLog audit) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.audit = audit;
    }

    /** The zone's boundary and geocode: {zone, boundary (GeoJSON or null), geocode {valueName, value} or null}. */
    public JsonObject get(Caller caller, String zoneId) {
        return jdbi.withHandle(h -> {
            zones.inScope(h, caller, zoneId);
            return place(h, zoneId);
        });
    }

    /** Sets (or with null clears) the zone's boundary. */
    public JsonObject setBoundary(Caller caller, String zoneId, JsonObject geojson) {
        requireAdmin(caller);
        String stored = null;
        String summary = "xóa";
        if (geojson != null) {
            var shape = ZoneBoundary.read(geojson);
            stored = geojson.encode();
            summary = shape.getGeometryType() + ", " + shape.getNumPoints() + " điểm";
        }
        String value = stored;
        String detail = summary;
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, zoneId);
            h.createUpdate("UPDATE zone SET boundary = :b WHERE id = :id").bind("b", value).bind("id", zoneId)
                    .execute();
            audit.record(h, caller, "zone.boundary", "zone:" + zoneId, detail);
            return place(h, zoneId);
        });
    }

    /** Sets (or with a null value clears) the geocode a CAP message names the zone by. */
    public JsonObject setGeocode(Caller caller, String zoneId, String valueName, String value) {
        requireAdmin(caller);
        if (value != null && (!CODE.matcher(value).matches() || valueName == null
                || !CODE.matcher(valueName).matches())) {
            throw Refusal.invalid("invalid_geocode", "Mã vùng cần valueName (ví dụ VN-MADVHC) và value (ví dụ mã đơn "
                    + "vị hành chính 26881): chữ, số, dấu . _ : / -, tối đa 64 ký tự.", "value");
        }
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, zoneId);
            h.createUpdate("UPDATE zone SET geocode_name = :n, geocode_value = :v WHERE id = :id")
                    .bind("n", value == null ? null : valueName).bind("v", value).bind("id", zoneId).execute();
            audit.record(h, caller, "zone.geocode", "zone:" + zoneId, value == null ? "xóa" : valueName + "=" + value);
            return place(h, zoneId);
        });
    }

    /** Sets (or with nulls clears) where a board stands. */
    public JsonObject setBoardPlace(Caller caller, String boardId, Double lat, Double lon) {
        requireAdmin(caller);
        if ((lat == null) != (lon == null) || lat != null && !(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw Refusal.invalid("invalid_place", "Hãy nhập cả vĩ độ (lat, -90..90) và kinh độ (lon, -180..180) của "
                    + "bảng tin, hoặc bỏ trống cả hai.", lat == null ? "lat" : "lon");
        }
        return jdbi.inTransaction(h -> {
            String zone = h.createQuery("SELECT zone_id FROM board WHERE id = :id").bind("id", boardId)
                    .mapTo(String.class).findOne().orElseThrow(() -> Refusal.notFound("bảng tin", boardId));
            try {
                zones.inScope(h, caller, zone);
            } catch (RuntimeException e) {
                throw Refusal.notFound("bảng tin", boardId);
            }
            h.createUpdate("UPDATE board SET lat = :lat, lon = :lon WHERE id = :id").bind("lat", lat)
                    .bind("lon", lon).bind("id", boardId).execute();
            audit.record(h, caller, "board.place", "board:" + boardId, lat == null ? "xóa" : lat + "," + lon);
            return new JsonObject().put("board", boardId).put("lat", lat).put("lon", lon);
        });
    }

    private static JsonObject place(Handle h, String zoneId) {
        return h.createQuery("SELECT boundary, geocode_name, geocode_value FROM zone WHERE id = :id")
                .bind("id", zoneId).map((rs, ctx) -> {
                    String boundary = rs.getString(1);
                    String value = rs.getString(3);
                    return new JsonObject().put("zone", zoneId)
                            .put("boundary", boundary == null ? null : new JsonObject(boundary))
                            .put("geocode", value == null ? null : new JsonObject()
                                    .put("valueName", rs.getString(2)).put("value", value));
                }).one();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được đặt ranh giới, mã vùng và vị trí cho cảnh báo (CAP).");
        }
    }
}
