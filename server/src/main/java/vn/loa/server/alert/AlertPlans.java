package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;

/**
 * The repeat plans of each unit ({@code /api/v1/alerts/plans}, ADR 0051): an alert takes the most specific plan of
 * the nearest unit (its own, then those above it) that has one matching, else {@link AlertPlan#BUILT_IN}. Admins
 * replace their unit's plans; audited. Blocking (JDBC).
 */
public final class AlertPlans {

    private static final int MAX_PER_UNIT = 50;
    /** The shortest pause: a minute in production; tests go down to a second. */
    private static final int MIN_PAUSE_SECONDS = 1;
    private static final int MAX_PAUSE_SECONDS = 24 * 3600;

    private final Jdbi jdbi;
    private final AuditLog audit;

    public AlertPlans(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** {unit, plans, builtIn} of the caller's unit. */
    public JsonObject list(Caller caller) {
        return jdbi.withHandle(h -> new JsonObject().put("unit", caller.unitId())
                .put("plans", json(own(h, caller.unitId()))).put("builtIn", json(AlertPlan.BUILT_IN)));
    }

    /** Replaces the plans of the caller's own unit (admins); {@code plans} is the request's array. */
    public JsonObject replace(Caller caller, JsonArray plans) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được đặt kế hoạch phát lặp cảnh báo của đơn vị.");
        }
        if (plans.size() > MAX_PER_UNIT) {
            throw Refusal.invalid("too_many", "Mỗi đơn vị có tối đa " + MAX_PER_UNIT + " kế hoạch phát cảnh báo.");
        }
        List<AlertPlan> read = new ArrayList<>();
        for (Object o : plans) {
            read.add(read((JsonObject) o));
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM alert_plan WHERE unit_id = :u").bind("u", caller.unitId()).execute();
            for (int i = 0; i < read.size(); i++) {
                AlertPlan p = read.get(i);
                h.createUpdate("INSERT INTO alert_plan (unit_id, position, event, severity, tone, plays, airings, "
                                + "pause_seconds) VALUES (:u, :i, :e, :s, :t, :p, :a, :w)")
                        .bind("u", caller.unitId()).bind("i", i).bind("e", p.event()).bind("s", p.severity())
                        .bind("t", p.tone()).bind("p", p.plays()).bind("a", p.airings())
                        .bind("w", (int) p.pause().toSeconds()).execute();
            }
            audit.record(h, caller, "alert.plans.replace", "zone:" + caller.unitId(), read.size() + " kế hoạch");
        });
        return list(caller);
    }

    /** The plan for an alert of {@code event} and {@code severity} received in the unit at {@code unitPath}. */
    AlertPlan planFor(Handle h, String unitPath, String event, String severity) {
        List<String> units = h.createQuery("SELECT id FROM zone WHERE LEFT(:path, LENGTH(path)) = path "
                + "ORDER BY LENGTH(path) DESC").bind("path", unitPath).mapTo(String.class).list();
        for (String unit : units) {
            AlertPlan found = AlertPlan.best(own(h, unit), event, severity);
            if (found != null) {
                return found;
            }
        }
        return AlertPlan.best(AlertPlan.BUILT_IN, event, severity);
    }

    private static List<AlertPlan> own(Handle h, String unit) {
        return h.createQuery("SELECT event, severity, tone, plays, airings, pause_seconds FROM alert_plan "
                        + "WHERE unit_id = :u ORDER BY position").bind("u", unit)
                .map((rs, ctx) -> new AlertPlan(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4),
                        rs.getInt(5), Duration.ofSeconds(rs.getInt(6))))
                .list();
    }

    /** A plan from the request (the contract has checked the types and ranges); blank event or severity means any. */
    static AlertPlan read(JsonObject o) {
        String event = blankToNull(o.getString("event"));
        String severity = blankToNull(o.getString("severity"));
        int plays = o.getInteger("plays", 1);
        int airings = o.getInteger("airings", 1);
        int pause = o.getInteger("pauseSeconds", 600);
        if (plays < 1 || plays > AlertPlan.MAX_PLAYS || airings < 1 || airings > AlertPlan.MAX_AIRINGS
                || pause < MIN_PAUSE_SECONDS || pause > MAX_PAUSE_SECONDS) {
            throw Refusal.invalid("invalid_plan", "Kế hoạch phát: số lần đọc mỗi lượt 1–" + AlertPlan.MAX_PLAYS
                    + ", số lượt phát 1–" + AlertPlan.MAX_AIRINGS + ", nghỉ giữa hai lượt " + MIN_PAUSE_SECONDS
                    + "–" + MAX_PAUSE_SECONDS + " giây.");
        }
        if (event != null && event.length() > 200) {
            throw Refusal.invalid("invalid_plan", "Loại sự kiện (event) tối đa 200 ký tự.");
        }
        return new AlertPlan(event, severity, o.getBoolean("tone", true), plays, airings, Duration.ofSeconds(pause));
    }

    static JsonArray json(List<AlertPlan> plans) {
        JsonArray out = new JsonArray();
        plans.forEach(p -> out.add(json(p)));
        return out;
    }

    static JsonObject json(AlertPlan p) {
        return new JsonObject().put("event", p.event()).put("severity", p.severity()).put("tone", p.tone())
                .put("plays", p.plays()).put("airings", p.airings()).put("pauseSeconds", p.pause().toSeconds());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
