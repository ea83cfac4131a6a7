package vn.loa.server.audit;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Signed digests of the audit chains (ADR 0027): now and then each unit's chain gets a row {@code audit.digest} naming
 * its newest row and that row's hash, signed with {@link AuditSeal}'s key. Someone who rewrites the log in the database
 * and recomputes every hash still cannot sign the new head, so verification finds the rewrite; a digest forwarded to
 * syslog also shows rows cut off the end.
 */
final class AuditDigests {

    static final String ACTION = "audit.digest";

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final AuditSeal seal;
    private final Clock clock;

    AuditDigests(Jdbi jdbi, AuditLog audit, AuditSeal seal, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.seal = seal;
        this.clock = clock;
    }

    /** The text a digest signs: fixed lines, so anyone can rebuild it from the digest's fields. */
    static String signedText(String unitPath, long headId, String headHash, String at) {
        return "loa-audit-digest/1\n" + unitPath + "\n" + headId + "\n" + headHash + "\n" + at;
    }

    /** When the newest digest was taken, if any. */
    Optional<Instant> newest() {
        return jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM audit WHERE action = :a").bind("a", ACTION)
                .mapTo(Long.class).findOne()
                .flatMap(id -> h.createQuery("SELECT at FROM audit WHERE id = :id").bind("id", id)
                        .map((rs, ctx) -> vn.loa.server.db.Rows.instant(rs, "at")).findOne()));
    }

    /** Takes a digest of every unit whose chain grew since its last digest; returns how many were taken. */
    int takeAll() {
        List<String> units = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT unit_path FROM audit")
                .mapTo(String.class).list());
        int taken = 0;
        for (String unit : units) {
            if (jdbi.inTransaction(h -> {
                new AuditChain().lockAndHead(h, unit);
                var head = h.createQuery("SELECT id, action, row_hash FROM audit WHERE unit_path = :p "
                                + "AND row_hash IS NOT NULL ORDER BY id DESC FETCH FIRST 1 ROW ONLY")
                        .bind("p", unit).mapToMap().findOne();
                if (head.isEmpty() || ACTION.equals(head.get().get("action"))) {
                    return false;
                }
                long id = ((Number) head.get().get("id")).longValue();
                String hash = (String) head.get().get("row_hash");
                String at = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
                JsonObject detail = new JsonObject().put("head", id).put("hash", hash).put("at", at)
                        .put("key", seal.keyId()).put("signature", seal.sign(signedText(unit, id, hash, at)));
                audit.record(h, "loa", null, unit, ACTION, "#" + id, detail.encode());
                return true;
            })) {
                taken++;
            }
        }
        return taken;
    }

    /**
     * Whether a digest still holds: its signature is the seal's, and the row it names still has the hash it signed
     * (unless retention removed that row). Null when it holds.
     */
    static AuditChain.Broken check(Handle h, AuditChain.Row digest, AuditSeal seal, long removedThrough) {
        JsonObject d;
        try {
            d = new JsonObject(digest.detail());
        } catch (RuntimeException e) {
            return new AuditChain.Broken(digest.id(), digest.unitPath(), "bản niêm phong không đọc được");
        }
        long head = d.getLong("head", -1L);
        String hash = d.getString("hash", "");
        String at = d.getString("at", "");
        if (!seal.verifies(signedText(digest.unitPath(), head, hash, at), d.getString("signature"))) {
            return new AuditChain.Broken(digest.id(), digest.unitPath(),
                    "chữ ký của bản niêm phong không đúng với khóa " + seal.keyId() + ": bản niêm phong đã bị làm giả");
        }
        if (head <= removedThrough) {
            return null;
        }
        Optional<String> stored = h.createQuery("SELECT row_hash FROM audit WHERE id = :id AND unit_path = :p")
                .bind("id", head).bind("p", digest.unitPath()).mapTo(String.class).findOne();
        if (stored.isEmpty()) {
            return new AuditChain.Broken(head, digest.unitPath(),
                    "dòng đã được niêm phong lúc " + at + " không còn: nhật ký đã bị xóa bớt");
        }
        if (!hash.equals(stored.get())) {
            return new AuditChain.Broken(head, digest.unitPath(),
                    "nhật ký đến dòng này đã bị viết lại sau khi niêm phong lúc " + at);
        }
        return null;
    }
}
