package vn.loa.server.hotline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.hotline.SipDigest;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.user.PasswordHasher;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The numbers that may call the hotline, managed by admins: each belongs to a leader of the admin's unit or below and
 * has a PIN (Argon2id hash only) and, for a phone that calls directly, a SIP digest HA1. Also who a number speaks as
 * when it calls. Blocking (JDBC).
 */
public final class HotlineNumbers {

    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9]{3,20}$");
    private static final Pattern PIN = Pattern.compile("^[0-9]{4,12}$");

    /** The leader behind a number, as the hotline acts for them. */
    record Owner(long id, String number, Caller caller, String pinHash, boolean locked, String sipHa1) {
    }

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;
    private final String realm;

    /** @param realm the SIP digest realm a number's phone answers in (part of the stored HA1) */
    public HotlineNumbers(Jdbi jdbi, PasswordHasher hasher, AuditLog audit, Clock clock, String realm) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
        this.realm = realm;
    }

    /**
     * Authorises {@code number} for the leader {@code username} with a PIN; with a {@code sipPassword} the number is a
     * phone that calls directly and must answer a SIP digest challenge as user {@code number} (null: via the trunk).
     */
    public JsonObject add(Caller caller, String number, String username, String pin, String sipPassword) {
        requireAdmin(caller);
        if (!NUMBER.matcher(number).matches()) {
            throw Refusal.invalid("invalid_number", "Số điện thoại phải là 3-20 chữ số, có thể có dấu + ở đầu "
                    + "(ví dụ +84912345678).");
        }
        if (!PIN.matcher(pin).matches()) {
            throw Refusal.invalid("invalid_pin", "Mã PIN phải là 4-12 chữ số.");
        }
        requireSipPassword(sipPassword);
        String hash = hasher.hash(pin);
        String ha1 = sipPassword == null ? null : SipDigest.ha1(number, realm, sipPassword);
        long id = jdbi.inTransaction(h -> {
            var user = h.createQuery("SELECT u.role, z.path FROM app_user u JOIN zone z ON z.id = u.unit_id "
                            + "WHERE u.username = :u").bind("u", username)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne()
                    .filter(u -> caller.covers(u[1]))
                    .orElseThrow(() -> Refusal.invalid("unknown_user", "Không có người dùng '" + username
                            + "' trong đơn vị của bạn."));
            if (!Role.fromWire(user[0]).may(Action.APPROVE)) {
                throw Refusal.invalid("not_a_leader", "Chỉ lãnh đạo (người phê duyệt hoặc quản trị viên) được "
                        + "dùng đường dây nóng; '" + username + "' là " + user[0] + ".");
            }
            long created = h.createUpdate("INSERT INTO hotline_number (number, username, pin_hash, failures, locked, "
                            + "created_at, sip_ha1) VALUES (:n, :u, :p, 0, FALSE, :at, :ha1)")
                    .bind("n", number).bind("u", username).bind("p", hash).bind("at", Rows.utc(clock.instant()))
                    .bind("ha1", ha1)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "hotline.number.add", "hotline-number:" + created, number + " → " + username);
            return created;
        });
        return list(caller).stream().map(JsonObject.class::cast).filter(j -> j.getLong("id") == id).findFirst()
                .orElseThrow();
    }

    /**
     * The numbers of the caller's unit and below. {@code backoffs} lists the addresses that entered wrong PINs for a
     * number, with their count and the end of their back-off; {@code locked} is true while the number is locked (the
     * rule before ADR 0022) or backed off from any address; {@code failures} is the highest count of any address.
     */
    public JsonArray list(Caller caller) {
        requireAdmin(caller);
        java.time.Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            java.util.Map<Long, JsonArray> backoffs = new java.util.HashMap<>();
            h.createQuery("SELECT f.number_id, f.address, f.failures, f.blocked_until FROM hotline_pin_failure f "
                            + "JOIN hotline_number n ON n.id = f.number_id JOIN app_user u ON u.username = n.username "
                            + "JOIN zone z ON z.id = u.unit_id WHERE LEFT(z.path, :len) = :prefix ORDER BY f.address")
                    .bind("len", caller.unitPath().length()).bind("prefix", caller.unitPath())
                    .map((rs, ctx) -> {
                        java.time.Instant until = Rows.instant(rs, "blocked_until");
                        return java.util.Map.entry(rs.getLong("number_id"), new JsonObject()
                                .put("address", rs.getString("address")).put("failures", rs.getInt("failures"))
                                .put("until", until == null || !until.isAfter(now) ? null : until.toString()));
                    })
                    .forEach(e -> backoffs.computeIfAbsent(e.getKey(), id -> new JsonArray()).add(e.getValue()));
            return new JsonArray(h.createQuery("SELECT n.id, n.number, n.username, n.locked, n.sip_ha1, n.created_at "
                            + "FROM hotline_number n JOIN app_user u ON u.username = n.username "
                            + "JOIN zone z ON z.id = u.unit_id WHERE LEFT(z.path, :len) = :prefix ORDER BY n.id")
                    .bind("len", caller.unitPath().length()).bind("prefix", caller.unitPath())
                    .map((rs, ctx) -> {
                        JsonArray off = backoffs.getOrDefault(rs.getLong("id"), new JsonArray());
                        boolean backedOff = off.stream().map(JsonObject.class::cast).anyMatch(b -> b.getString("until")
                                != null);
                        int failures = off.stream().map(JsonObject.class::cast).mapToInt(b -> b.getInteger("failures"))
                                .max().orElse(0);
                        return new JsonObject().put("id", rs.getLong("id")).put("number", rs.getString("number"))
                                .put("username", rs.getString("username")).put("failures", failures)
                                .put("locked", rs.getBoolean("locked") || backedOff).put("backoffs", off)
                                .put("sipAuthentication", rs.getString("sip_ha1") != null)
                                .put("createdAt", Rows.instant(rs, "created_at").toString());
                    })
                    .list());
        });
    }

    public void remove(Caller caller, long id) {
        change(caller, id, "hotline.number.remove", java.util.Map.of(), "DELETE FROM hotline_number WHERE id = :id");
    }

    public void unlock(Caller caller, long id) {
        change(caller, id, "hotline.number.unlock", java.util.Map.of(),
                "UPDATE hotline_number SET locked = FALSE, failures = 0 WHERE id = :id",
                "DELETE FROM hotline_pin_failure WHERE number_id = :id");
    }

    /** Sets the SIP password of a number's phone (only its HA1 is kept), or removes it with null. */
    public void setSipPassword(Caller caller, long id, String sipPassword) {
        requireSipPassword(sipPassword);
        String number = jdbi.withHandle(h -> h.createQuery("SELECT number FROM hotline_number WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne()).orElse(null);
        String ha1 = sipPassword == null || number == null ? null : SipDigest.ha1(number, realm, sipPassword);
        var binds = new java.util.HashMap<String, Object>();
        binds.put("ha1", ha1);
        change(caller, id, sipPassword == null ? "hotline.number.sip.remove" : "hotline.number.sip.set", binds,
                "UPDATE hotline_number SET sip_ha1 = :ha1 WHERE id = :id");
    }

    private static void requireSipPassword(String sipPassword) {
        if (sipPassword != null && (sipPassword.length() < 12 || sipPassword.length() > 128
                || sipPassword.isBlank())) {
            throw Refusal.invalid("invalid_sip_password", "Mật khẩu SIP của điện thoại phải dài 12-128 ký tự.");
        }
    }

    private void change(Caller caller, long id, String action, java.util.Map<String, ?> binds, String... statements) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            boolean inScope = h.createQuery("SELECT z.path FROM hotline_number n JOIN app_user u ON u.username = "
                            + "n.username JOIN zone z ON z.id = u.unit_id WHERE n.id = :id").bind("id", id)
                    .mapTo(String.class).findOne().filter(caller::covers).isPresent();
            if (!inScope) {
                throw Refusal.notFound("số đường dây nóng", String.valueOf(id));
            }
            for (String sql : statements) {
                h.createUpdate(sql).bind("id", id).bindMap(binds).execute();
            }
            audit.record(h, caller, action, "hotline-number:" + id, null);
        });
    }

    /** The owner of {@code number}, as the hotline acts for them; empty for a number nobody registered. */
    Optional<Owner> owner(Handle h, String number, String address) {
        return h.createQuery("SELECT n.id, n.number, n.username, n.pin_hash, n.locked, n.sip_ha1, u.role, u.unit_id, "
                        + "z.path FROM hotline_number n JOIN app_user u ON u.username = n.username "
                        + "JOIN zone z ON z.id = u.unit_id WHERE n.number = :n AND u.enabled = TRUE").bind("n", number)
                .map((rs, ctx) -> new Owner(rs.getLong("id"), rs.getString("number"),
                        new Caller(rs.getString("username"), Role.fromWire(rs.getString("role")),
                                rs.getString("unit_id"), rs.getString("path"), cut("sip:" + number + "@" + address)),
                        rs.getString("pin_hash"), rs.getBoolean("locked"), rs.getString("sip_ha1")))
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
            throw Refusal.forbidden("Chỉ quản trị viên được quản lý đường dây nóng.");
        }
    }
}
