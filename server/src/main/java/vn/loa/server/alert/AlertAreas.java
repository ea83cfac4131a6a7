package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * The names a CAP message may give an area ({@code areaDesc} or a {@code geocode} value) and the zones each means, as
 * a unit's admin sets them. Names match without regard to case or Unicode form. Blocking (JDBC).
 */
public final class AlertAreas {

    private static final int MAX_ENTRIES = 1000;

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final AuditLog audit;

    public AlertAreas(Jdbi jdbi, ZoneGuard zones, AuditLog audit) {
        this.jdbi = jdbi;
        this.zones = zones;
        this.audit = audit;
    }

    /** The stored form of a name: NFC, lower case, inner spaces collapsed. */
    static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Every name set in the caller's unit or below, with its zones. */
    public JsonArray list(Caller caller) {
        Map<String, JsonArray> byName = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT a.name, a.zone_id FROM alert_area a JOIN zone z ON z.id = a.unit_id "
                        + "WHERE LEFT(z.path, :n) = :prefix ORDER BY a.name, a.zone_id")
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> byName.computeIfAbsent(e.getKey(), k -> new JsonArray()).add(e.getValue())));
        JsonArray out = new JsonArray();
        byName.forEach((name, ids) -> out.add(new JsonObject().put("name", name).put("zones", ids)));
        return out;
    }

    /** Replaces the names of the caller's own unit (admins); each zone must lie in the unit. */
    public JsonArray replace(Caller caller, Map<String, List<String>> areas) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được đặt tên vùng cảnh báo (CAP) của đơn vị.");
        }
        if (areas.size() > MAX_ENTRIES) {
            throw Refusal.invalid("too_many", "Mỗi đơn vị có tối đa " + MAX_ENTRIES + " tên vùng.");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM alert_area WHERE unit_id = :u").bind("u", caller.unitId()).execute();
            Set<String> seen = new LinkedHashSet<>();
            areas.forEach((name, zoneIds) -> {
                String key = key(name);
                if (key.isEmpty() || key.length() > 200 || !seen.add(key)) {
                    throw Refusal.invalid("invalid_area", "Tên vùng '" + name + "' trống, quá dài (tối đa 200 ký "
                            + "tự) hoặc bị lặp.");
                }
                for (String zone : new LinkedHashSet<>(zoneIds)) {
                    zones.inScope(h, caller, zone);
                    h.createUpdate("INSERT INTO alert_area (unit_id, name, zone_id) VALUES (:u, :n, :z)")
                            .bind("u", caller.unitId()).bind("n", key).bind("z", zone).execute();
                }
            });
            audit.record(h, caller, "alert.areas.replace", "zone:" + caller.unitId(), areas.size() + " tên vùng");
        });
        return list(caller);
    }

    /** Refuses (400) a zone that does not exist or lies outside the caller's unit. */
    void requireInScope(Caller caller, List<String> zoneIds) {
        jdbi.useHandle(h -> zoneIds.forEach(z -> zones.inScope(h, caller, z)));
    }

    /** The zones the names mean within the caller's scope; a name nobody set maps to nothing. */
    Map<String, Set<String>> resolve(Handle h, Caller caller, Collection<String> names) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        for (String name : names) {
            Set<String> ids = new LinkedHashSet<>(h.createQuery("SELECT a.zone_id FROM alert_area a "
                            + "JOIN zone z ON z.id = a.zone_id WHERE a.name = :n AND LEFT(z.path, :len) = :prefix "
                            + "ORDER BY a.zone_id")
                    .bind("n", key(name)).bind("len", caller.unitPath().length()).bind("prefix", caller.unitPath())
                    .mapTo(String.class).list());
            found.put(name, ids);
        }
        return found;
    }
}
