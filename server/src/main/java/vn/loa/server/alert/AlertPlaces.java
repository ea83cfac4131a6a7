package vn.loa.server.alert;

import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * Where CAP areas land: a zone's boundary (GeoJSON) and geocode (e.g. VN-MADVHC, the administrative unit code),
 * whether it is a drill zone and the languages it hears alerts in. Set by the unit's admins, audited. Blocking (JDBC).
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

    /** Marks the zone as a drill zone (CAP Exercise and Test air there, and only there) or not. */
    public JsonObject setDrill(Caller caller, String zoneId, boolean drill) {
        requireAdmin(caller);
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, zoneId);
            h.createUpdate("UPDATE zone SET drill = :d WHERE id = :id").bind("d", drill).bind("id", zoneId).execute();
            audit.record(h, caller, "zone.drill", "zone:" + zoneId, String.valueOf(drill));
            return place(h, zoneId);
        });
    }

    /** Sets the languages alerts air in for the zone, in order, Vietnamese first; empty inherits the zone above's. */
    public JsonObject setLanguages(Caller caller, String zoneId, java.util.List<String> languages) {
        requireAdmin(caller);
        java.util.List<String> distinct = languages.stream().distinct().toList();
        if (!distinct.isEmpty() && !distinct.get(0).equals(ZoneLanguages.VIETNAMESE)) {
            throw Refusal.invalid("invalid_languages", "Tiếng Việt (vi) luôn phát trước: danh sách ngôn ngữ phải bắt "
                    + "đầu bằng \"vi\", ví dụ [\"vi\", \"en\"].", "languages");
        }
        String stored = distinct.isEmpty() ? null : String.join(",", distinct);
        return jdbi.inTransaction(h -> {
            zones.inScope(h, caller, zoneId);
            h.createUpdate("UPDATE zone SET alert_languages = :l WHERE id = :id").bind("l", stored)
                    .bind("id", zoneId).execute();
            audit.record(h, caller, "zone.languages", "zone:" + zoneId, stored == null ? "kế thừa" : stored);
            return place(h, zoneId);
        });
    }

    private static JsonObject place(Handle h, String zoneId) {
        return h.createQuery("SELECT boundary, geocode_name, geocode_value, drill, alert_languages FROM zone "
                        + "WHERE id = :id")
                .bind("id", zoneId).map((rs, ctx) -> {
                    String boundary = rs.getString(1);
                    String value = rs.getString(3);
                    return new JsonObject().put("zone", zoneId)
                            .put("boundary", boundary == null ? null : new JsonObject(boundary))
                            .put("geocode", value == null ? null : new JsonObject()
                                    .put("valueName", rs.getString(2)).put("value", value))
                            .put("drill", rs.getBoolean(4))
                            .put("languages", new io.vertx.core.json.JsonArray(ZoneLanguages.of(h, zoneId)));
                }).one();
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được đặt ranh giới, mã vùng, vùng diễn tập và ngôn ngữ cho "
                    + "cảnh báo (CAP).");
        }
    }
}
