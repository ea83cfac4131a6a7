package vn.loa.server.alert;

import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;
import vn.loa.server.node.NodeTokens;
import vn.loa.server.refusal.Refusal;

/**
 * The API keys of upstream systems and panic buttons. An admin creates one for their unit and sees it once; Loa keeps
 * its SHA-256. A key acts for the admin who made it, inside the key's unit, with an approver's rights (it may raise
 * an emergency, nothing else), and only while that admin is still an enabled admin: a key does not outlive its
 * maker's rights (an admin who left could otherwise still air through a key they once saw). Blocking (JDBC).
 */
public final class AlertKeys {

    /** The request header that carries a key. */
    public static final String HEADER = "X-API-Key";
    /** A key works while its maker is an enabled admin (of any unit: the key's unit is its own scope). */
    /** SQL: the owner {@code u} is still an enabled admin (keys and feeds act for their owner). */
    static final String OWNER_ACTIVE = "(u.enabled = TRUE AND u.role = 'admin')";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AlertKeys(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a key named {@code name} for the caller's unit; the answer holds the key, shown this once. */
    public JsonObject create(Caller caller, String name) {
        requireAdmin(caller);
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = "loa_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbi.inTransaction(h -> {
            long created = h.createUpdate("INSERT INTO alert_key (name, key_hash, unit_id, owner, revoked, created_at) "
                            + "VALUES (:name, :hash, :unit, :owner, FALSE, :at)")
                    .bind("name", name).bind("hash", NodeTokens.sha256(key)).bind("unit", caller.unitId())
                    .bind("owner", caller.username()).bind("at", Rows.utc(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "alert.key.create", "alert-key:" + created, name);
            return created;
        });
        return list(caller).stream().filter(k -> k.getLong("id") == id).findFirst().orElseThrow().put("key", key);
    }

    /** The keys of the caller's unit and below, without the keys themselves. */
    public List<JsonObject> list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> h.createQuery("SELECT k.id, k.name, k.unit_id, k.owner, k.revoked, k.created_at, "
                        + "k.last_used_at, " + OWNER_ACTIVE + " AS owner_active FROM alert_key k "
                        + "JOIN zone z ON z.id = k.unit_id LEFT JOIN app_user u ON u.username = k.owner "
                        + "WHERE LEFT(z.path, :n) = :prefix ORDER BY k.id")
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> {
                    JsonObject json = new JsonObject().put("id", rs.getLong("id")).put("name", rs.getString("name"))
                            .put("unit", rs.getString("unit_id")).put("owner", rs.getString("owner"))
                            .put("revoked", rs.getBoolean("revoked"))
                            .put("active", !rs.getBoolean("revoked") && rs.getBoolean("owner_active"))
                            .put("createdAt", Rows.instant(rs, "created_at").toString());
                    var used = Rows.instant(rs, "last_used_at");
                    return used == null ? json : json.put("lastUsedAt", used.toString());
                }).list());
    }

    /** Revokes a key of the caller's unit or below; it stops working at once. */
    public void revoke(Caller caller, long id) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            int changed = h.createUpdate("UPDATE alert_key SET revoked = TRUE WHERE id = :id AND unit_id IN "
                            + "(SELECT z.id FROM zone z WHERE LEFT(z.path, :n) = :prefix)")
                    .bind("id", id).bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath()).execute();
            if (changed == 0) {
                throw Refusal.notFound("khóa API", String.valueOf(id));
            }
            audit.record(h, caller, "alert.key.revoke", "alert-key:" + id, null);
        });
    }

    /** The caller a valid, unrevoked key stands for; empty for any other text. */
    public Optional<Caller> verify(String key, String address) {
        if (key == null || key.length() > 200) {
            return Optional.empty();
        }
        return jdbi.inTransaction(h -> {
            Optional<Caller> found = h.createQuery("SELECT k.id, k.name, k.owner, k.unit_id, z.path FROM alert_key k "
                            + "JOIN zone z ON z.id = k.unit_id JOIN app_user u ON u.username = k.owner "
                            + "WHERE k.key_hash = :hash AND k.revoked = FALSE AND " + OWNER_ACTIVE)
                    .bind("hash", NodeTokens.sha256(key))
                    .map((rs, ctx) -> new Caller(rs.getString("owner"), Role.APPROVER, rs.getString("unit_id"),
                            rs.getString("path"), truncate("key:" + rs.getString("name") + "@" + address)))
                    .findOne();
            found.ifPresent(c -> h.createUpdate("UPDATE alert_key SET last_used_at = :at WHERE key_hash = :hash")
                    .bind("at", Rows.utc(clock.instant())).bind("hash", NodeTokens.sha256(key)).execute());
            return found;
        });
    }

    private static String truncate(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được quản lý khóa API cảnh báo.");
        }
    }
}
