package vn.loa.server.hotline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Action;
import vn.loa.server.auth.Caller;
import vn.loa.server.auth.PasswordHasher;
import vn.loa.server.auth.Role;
import vn.loa.server.db.Rows;
import vn.loa.server.http.ApiError;

/**
 * The numbers that may call the hotline, managed by admins: each belongs to a leader of the admin's unit or below and
 * has a PIN (Argon2id hash only). Also who a number speaks as when it calls. Blocking (JDBC).
 */
public final class HotlineNumbers {

    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9]{3,20}$");
    private static final Pattern PIN = Pattern.compile("^[0-9]{4,12}$");

    /** The leader behind a number, as the hotline acts for them. */
    record Owner(long id, String number, Caller caller, String pinHash, int failures, boolean locked) {
    }

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public HotlineNumbers(Jdbi jdbi, PasswordHasher hasher, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public JsonObject add(Caller caller, String number, String username, String pin) {
        requireAdmin(caller);
        if (!NUMBER.matcher(number).matches()) {
            throw ApiError.badRequest("invalid_number", "Số điện thoại phải là 3-20 chữ số, có thể có dấu + ở đầu "
                    + "(ví dụ +84912345678).");
        }
        if (!PIN.matcher(pin).matches()) {
            throw ApiError.badRequest("invalid_pin", "Mã PIN phải là 4-12 chữ số.");
        }
        String hash = hasher.hash(pin);
        long id = jdbi.inTransaction(h -> {
            var user = h.createQuery("SELECT u.role, z.path FROM app_user u JOIN zone z ON z.id = u.unit_id "
                            + "WHERE u.username = :u").bind("u", username)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne()
                    .filter(u -> caller.covers(u[1]))
                    .orElseThrow(() -> ApiError.badRequest("unknown_user", "Không có người dùng '" + username
                            + "' trong đơn vị của bạn."));
            if (!Role.fromWire(user[0]).may(Action.APPROVE)) {
                throw ApiError.badRequest("not_a_leader", "Chỉ lãnh đạo (người phê duyệt hoặc quản trị viên) được "
                        + "dùng đường dây nóng; '" + username + "' là " + user[0] + ".");
            }
            long created = h.createUpdate("INSERT INTO hotline_number (number, username, pin_hash, failures, locked, "
                            + "created_at) VALUES (:n, :u, :p, 0, FALSE, :at)")
                    .bind("n", number).bind("u", username).bind("p", hash).bind("at", Rows.utc(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "hotline.number.add", "hotline-number:" + created, number + " → " + username);
            return created;
        });
        return list(caller).stream().map(JsonObject.class::cast).filter(j -> j.getLong("id") == id).findFirst()
                .orElseThrow();
    }

    public JsonArray list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT n.id, n.number, n.username, n.failures, "
                        + "n.locked, n.created_at FROM hotline_number n JOIN app_user u ON u.username = n.username "
                        + "JOIN zone z ON z.id = u.unit_id WHERE LEFT(z.path, :len) = :prefix ORDER BY n.id")
                .bind("len", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> new JsonObject().put("id", rs.getLong("id")).put("number", rs.getString("number"))
                        .put("username", rs.getString("username")).put("failures", rs.getInt("failures"))
                        .put("locked", rs.getBoolean("locked"))
                        .put("createdAt", Rows.instant(rs, "created_at").toString()))
                .list()));
    }

    public void remove(Caller caller, long id) {
        change(caller, id, "DELETE FROM hotline_number WHERE id = :id", "hotline.number.remove");
    }

    public void unlock(Caller caller, long id) {
        change(caller, id, "UPDATE hotline_number SET locked = FALSE, failures = 0 WHERE id = :id",
                "hotline.number.unlock");
    }

    private void change(Caller caller, long id, String sql, String action) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            boolean inScope = h.createQuery("SELECT z.path FROM hotline_number n JOIN app_user u ON u.username = "
                            + "n.username JOIN zone z ON z.id = u.unit_id WHERE n.id = :id").bind("id", id)
                    .mapTo(String.class).findOne().filter(caller::covers).isPresent();
            if (!inScope) {
                throw ApiError.notFound("số đường dây nóng", String.valueOf(id));
            }
            h.createUpdate(sql).bind("id", id).execute();
            audit.record(h, caller, action, "hotline-number:" + id, null);
        });
    }

    /** The owner of {@code number}, as the hotline acts for them; empty for a number nobody registered. */
    Optional<Owner> owner(Handle h, String number, String address) {
        return h.createQuery("SELECT n.id, n.number, n.username, n.pin_hash, n.failures, n.locked, u.role, u.unit_id, "
                        + "z.path FROM hotline_number n JOIN app_user u ON u.username = n.username "
                        + "JOIN zone z ON z.id = u.unit_id WHERE n.number = :n AND u.enabled = TRUE").bind("n", number)
                .map((rs, ctx) -> new Owner(rs.getLong("id"), rs.getString("number"),
                        new Caller(rs.getString("username"), Role.fromWire(rs.getString("role")),
                                rs.getString("unit_id"), rs.getString("path"), cut("sip:" + number + "@" + address)),
                        rs.getString("pin_hash"), rs.getInt("failures"), rs.getBoolean("locked")))
                .findOne();
    }

    boolean pinMatches(String pin, String hash) {
        return pin.length() <= 12 && hasher.matches(pin, hash);
    }

    private static String cut(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw ApiError.forbidden("Chỉ quản trị viên được quản lý đường dây nóng.");
        }
    }
}
