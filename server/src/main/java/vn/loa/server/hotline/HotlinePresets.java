package vn.loa.server.hotline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/** The prepared alerts of a unit (flood, storm, fire, epidemic), played with menu option 3. Blocking (JDBC). */
public final class HotlinePresets {

    private final Jdbi jdbi;
    private final AuditLog audit;

    public HotlinePresets(Jdbi jdbi, AuditLog audit) {
        this.jdbi = jdbi;
        this.audit = audit;
    }

    /** The caller's own unit's presets, by digit. */
    public JsonArray list(Caller caller) {
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT digit, title, body FROM hotline_preset "
                        + "WHERE unit_id = :u ORDER BY digit").bind("u", caller.unitId())
                .map((rs, ctx) -> new JsonObject().put("digit", rs.getInt(1)).put("title", rs.getString(2))
                        .put("text", rs.getString(3)))
                .list()));
    }

    /** Replaces the caller's own unit's presets (admins); digits 1-8, each once. */
    public JsonArray replace(Caller caller, JsonArray presets) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được soạn cảnh báo cho đường dây nóng.");
        }
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM hotline_preset WHERE unit_id = :u").bind("u", caller.unitId()).execute();
            java.util.Set<Integer> digits = new java.util.HashSet<>();
            for (Object o : presets) {
                JsonObject p = (JsonObject) o;
                int digit = p.getInteger("digit");
                if (!digits.add(digit)) {
                    throw Refusal.invalid("duplicate_digit", "Phím " + digit + " được gán hai lần.");
                }
                h.createUpdate("INSERT INTO hotline_preset (unit_id, digit, title, body) VALUES (:u, :d, :t, :b)")
                        .bind("u", caller.unitId()).bind("d", digit)
                        .bind("t", TextInput.required(TextInput.plain(p.getString("title")), "title"))
                        .bind("b", TextInput.required(TextInput.plain(p.getString("text")), "text")).execute();
            }
            audit.record(h, caller, "hotline.presets.replace", "zone:" + caller.unitId(), presets.size() + " mục");
        });
        return list(caller);
    }
}
