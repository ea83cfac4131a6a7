package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/**
 * The upstream's register of its downstream systems: an admin registers one as a zone of the tree and receives its
 * enrolment key once; the downstream then enrols with the key and its Ed25519 public key, and learns the upstream's.
 * Blocking (JDBC).
 */
public final class Downstreams {

    private static final String ID = "[a-z0-9][a-z0-9_-]{0,63}";

    private final Jdbi jdbi;
    private final ZoneGuard zones;
    private final AuditLog audit;
    private final LinkAudit linkAudit;
    private final Outbox outbox;
    private final Inbox inbox;
    private final LinkIdentity identity;
    private final String self;
    private final Clock clock;
    private final java.time.Duration keyGrace;
    private final SecureRandom random = new SecureRandom();

    /** @param keyGrace how long a downstream's enrolled public key keeps working after its enrolment key is rotated */
    public Downstreams(Jdbi jdbi, ZoneGuard zones, AuditLog audit, LinkAudit linkAudit, Outbox outbox, Inbox inbox,
            LinkIdentity identity, String self, java.time.Duration keyGrace, Clock clock) {
        this.keyGrace = keyGrace;
        this.jdbi = jdbi;
        this.zones = zones;
        this.audit = audit;
        this.linkAudit = linkAudit;
        this.outbox = outbox;
        this.inbox = inbox;
        this.identity = identity;
        this.self = self;
        this.clock = clock;
    }

    /** Registers a downstream system as {@code zone}; answers its id and enrolment key, shown this once. */
    public JsonObject register(Caller caller, String id, String name, String zone) {
        requireAdmin(caller);
        if (id == null || !id.matches(ID)) {
            throw Refusal.invalid("invalid_id", "Mã hệ thống cấp dưới gồm 1-64 chữ thường, chữ số, '-' hoặc '_'.", "id");
        }
        String key = newKey();
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            zones.inScope(h, caller, zone);
            if (exists(h, "SELECT COUNT(*) FROM link_downstream WHERE id = :v", id)) {
                throw Refusal.conflict("downstream_exists", "Đã có hệ thống cấp dưới mã '" + id + "'.");
            }
            if (exists(h, "SELECT COUNT(*) FROM link_downstream WHERE zone_id = :v", zone)) {
                throw Refusal.conflict("zone_linked", "Khu vực '" + zone + "' đã gắn với một hệ thống cấp dưới khác.");
            }
            h.createUpdate("INSERT INTO link_downstream (id, name, zone_id, key_hash, created_at) VALUES (:id, :name, "
                            + ":zone, :hash, :at)")
                    .bind("id", id).bind("name", name).bind("zone", zone).bind("hash", hash(key))
                    .bind("at", Rows.utc(now)).execute();
            audit.record(h, caller, "downstream.create", "downstream:" + id, name + " @ " + zone);
        });
        return new JsonObject().put("id", id).put("key", key).put("zone", zone);
    }

    /**
     * Rotates a downstream's enrolment key: answers the new one, shown this once; the old one is refused from now on.
     * The public key the downstream enrolled with keeps working for {@code graceSeconds} (default
     * {@code link.key.grace}), so the link runs on while the downstream's admin links again with the new key; 0 cuts
     * it at once (a stolen key).
     */
    public JsonObject rotate(Caller caller, String id, Long graceSeconds) {
        requireAdmin(caller);
        if (graceSeconds != null && (graceSeconds < 0 || graceSeconds > 90L * 24 * 3600)) {
            throw Refusal.invalid("invalid_grace", "Thời gian ân hạn từ 0 đến 90 ngày (tính bằng giây).", "graceSeconds");
        }
        String key = newKey();
        Instant until = clock.instant().plus(graceSeconds == null ? keyGrace : java.time.Duration.ofSeconds(graceSeconds));
        jdbi.useTransaction(h -> {
            String path = h.createQuery("SELECT z.path FROM link_downstream d JOIN zone z ON z.id = d.zone_id "
                            + "WHERE d.id = :id").bind("id", id).mapTo(String.class).findOne()
                    .filter(caller::covers).orElseThrow(() -> Refusal.notFound("hệ thống cấp dưới", id));
            h.createUpdate("UPDATE link_downstream SET key_hash = :hash, grace_until = :until WHERE id = :id")
                    .bind("hash", hash(key)).bind("until", Rows.utc(until)).bind("id", id).execute();
            audit.record(h, caller, "downstream.rotate", "downstream:" + id, path + ", khóa cũ dùng đến " + until);
        });
        return new JsonObject().put("id", id).put("key", key).put("graceUntil", until.toString());
    }

    private String newKey() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The downstreams of the caller's unit and below, with their link's state. */
    public JsonArray list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT d.id, d.name, d.zone_id, d.public_key, "
                        + "d.last_seen, d.clock_offset_ms, z.path FROM link_downstream d JOIN zone z ON z.id = d.zone_id "
                        + "ORDER BY d.id")
                .map((rs, ctx) -> new Object[] {rs.getString("id"), rs.getString("name"), rs.getString("zone_id"),
                        rs.getString("public_key") != null,
                        rs.getObject("last_seen") == null ? null : Rows.instant(rs, "last_seen"),
                        rs.getObject("clock_offset_ms") == null ? null : rs.getLong("clock_offset_ms"),
                        rs.getString("path")})
                .list().stream().filter(r -> caller.covers((String) r[6]))
                .map(r -> state(h, r)).toList()));
    }

    private JsonObject state(Handle h, Object[] r) {
        Outbox.Backlog backlog = outbox.backlog(h, (String) r[0]);
        return new JsonObject().put("id", r[0]).put("name", r[1]).put("zone", r[2]).put("linked", r[3])
                .put("lastSeen", r[4] == null ? null : r[4].toString()).put("clockOffsetMs", r[5])
                .put("backlog", backlog.count())
                .put("oldestUnsent", backlog.oldest() == null ? null : backlog.oldest().toString());
    }

    /**
     * The newest device list and statistics a downstream sent: its zone tree, nodes and boards with their state,
     * read-only here, below the zone it stands for. Empty lists until the first report arrives.
     */
    public JsonObject devices(Caller caller, String id) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> {
            var row = h.createQuery("SELECT d.zone_id, z.path FROM link_downstream d JOIN zone z ON z.id = d.zone_id "
                            + "WHERE d.id = :id").bind("id", id)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).findOne()
                    .filter(r -> caller.covers(r[1])).orElseThrow(() -> Refusal.notFound("hệ thống cấp dưới", id));
            JsonObject out = new JsonObject().put("downstream", id).put("zone", row[0]);
            h.createQuery("SELECT snapshot, received_at FROM link_devices WHERE downstream_id = :id").bind("id", id)
                    .map((rs, ctx) -> out.mergeIn(new JsonObject(rs.getString(1)))
                            .put("receivedAt", Rows.instant(rs, "received_at").toString()))
                    .findOne().orElseGet(() -> out.put("zones", new JsonArray()).put("nodes", new JsonArray())
                            .put("boards", new JsonArray()));
            return out;
        });
    }

    /** Unlinks a downstream: its key stops working and what waited for it is dropped. */
    public void delete(Caller caller, String id) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            String path = h.createQuery("SELECT z.path FROM link_downstream d JOIN zone z ON z.id = d.zone_id "
                            + "WHERE d.id = :id").bind("id", id).mapTo(String.class).findOne()
                    .filter(caller::covers).orElseThrow(() -> Refusal.notFound("hệ thống cấp dưới", id));
            h.createUpdate("DELETE FROM link_downstream WHERE id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM link_sent WHERE downstream_id = :id").bind("id", id).execute();
            h.createUpdate("DELETE FROM link_devices WHERE downstream_id = :id").bind("id", id).execute();
            outbox.forget(h, id);
            inbox.forget(h, id);
            audit.record(h, caller, "downstream.delete", "downstream:" + id, path);
        });
    }

    /**
     * A downstream enrols: its key must be the one answered at registration; its public key is stored (a new one
     * replaces the old: key rotation). Answers this system's id, public key and the zone the downstream stands for.
     */
    public JsonObject enrol(String id, String key, String publicKey, String address) {
        try {
            return jdbi.inTransaction(h -> {
                var row = h.createQuery("SELECT d.key_hash, d.zone_id, z.name FROM link_downstream d JOIN zone z ON "
                                + "z.id = d.zone_id WHERE d.id = :id").bind("id", id)
                        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).findOne();
                if (row.isEmpty() || key == null || !MessageDigest.isEqual(row.get()[0].getBytes(StandardCharsets.UTF_8),
                        hash(key).getBytes(StandardCharsets.UTF_8))) {
                    throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "bad_key", "Mã hệ thống hoặc khóa liên kết không "
                            + "đúng. Hãy lấy khóa từ quản trị viên cấp trên.", "Unknown id or wrong key.", "key");
                }
                try {
                    LinkKeys.publicKey(publicKey);
                } catch (IllegalArgumentException e) {
                    throw Refusal.invalid("bad_public_key", "Khóa công khai không phải khóa Ed25519 (base64 dạng "
                            + "X.509).", "publicKey");
                }
                h.createUpdate("UPDATE link_downstream SET public_key = :k, last_seen = :at, grace_until = NULL "
                                + "WHERE id = :id")
                        .bind("k", publicKey).bind("at", Rows.utc(clock.instant())).bind("id", id).execute();
                linkAudit.acted(h, id, address, "link.enrol", "downstream:" + id, "khóa công khai mới");
                return new JsonObject().put("upstream", self).put("publicKey", identity.publicKeyText())
                        .put("zone", new JsonObject().put("id", row.get()[1]).put("name", row.get()[2]))
                        .put("time", clock.instant().toString());
            });
        } catch (Refusal r) {
            linkAudit.refused(id, address, "enrol", r);
            throw r;
        }
    }

    /**
     * The public key a downstream enrolled with; empty when unknown or not enrolled. A key whose grace after a
     * rotation has passed is refused with 401 {@code key_expired}: the downstream must link again with the new key.
     */
    public Optional<PublicKey> keyOf(Handle h, String id) {
        var row = h.createQuery("SELECT public_key, grace_until FROM link_downstream WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Object[] {rs.getString(1),
                        rs.getObject(2) == null ? null : Rows.instant(rs, "grace_until")}).findOne();
        if (row.isEmpty() || row.get()[0] == null) {
            return Optional.empty();
        }
        if (row.get()[1] instanceof Instant until && clock.instant().isAfter(until)) {
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "key_expired", "Khóa của hệ thống '" + id + "' đã được "
                    + "thay và hết thời gian ân hạn (" + until + "): hãy liên kết lại bằng khóa mới.",
                    "The key was rotated and its grace ended: link again with the new key.", null);
        }
        return Optional.of(LinkKeys.publicKey((String) row.get()[0]));
    }

    private static boolean exists(Handle h, String sql, String value) {
        return h.createQuery(sql).bind("v", value).mapTo(Integer.class).one() > 0;
    }

    static void requireAdmin(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            throw Refusal.forbidden("Chỉ quản trị viên được liên kết các hệ thống với nhau.");
        }
    }

    /** The SHA-256 of a text, in hex. */
    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
