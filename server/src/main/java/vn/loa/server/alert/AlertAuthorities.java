package vn.loa.server.alert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/**
 * The alerting authorities a unit trusts (their certificates, several at once for rotation) and whether it requires
 * signed CAP messages (ADR 0046). A unit trusts its own authorities and those of the units above it, and requires
 * signatures when it or a unit above it does. Admins only, audited. Blocking (JDBC).
 */
public final class AlertAuthorities {

    private static final int MAX_PER_UNIT = 50;

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    public AlertAuthorities(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The certificates trusted for alerts sent to the caller's unit. */
    public List<X509Certificate> trusted(Caller caller) {
        return jdbi.withHandle(h -> h.createQuery("SELECT a.certificate FROM alert_authority a JOIN zone z "
                        + "ON z.id = a.unit_id WHERE LEFT(:path, LENGTH(z.path)) = z.path ORDER BY a.id")
                .bind("path", caller.unitPath()).mapTo(String.class).list()).stream()
                .map(AlertAuthorities::certificate).toList();
    }

    /** The signer of a CAP document sent to the caller's unit (null if unsigned and allowed), or a refusal. */
    public String verify(Caller caller, org.w3c.dom.Document doc) {
        return CapSignatures.verify(doc, trusted(caller), revoked(caller), required(caller), clock.instant());
    }

    /** The fingerprints of the certificates revoked for the caller's unit: by it or by a unit above it. */
    public java.util.Set<String> revoked(Caller caller) {
        return java.util.Set.copyOf(jdbi.withHandle(h -> h.createQuery("SELECT r.fingerprint FROM alert_revocation r "
                        + "JOIN zone z ON z.id = r.unit_id WHERE LEFT(:path, LENGTH(z.path)) = z.path")
                .bind("path", caller.unitPath()).mapTo(String.class).list()));
    }

    /**
     * Revokes a signing certificate (PEM) for the caller's unit and below: messages signed with it, or vouched for by
     * it, are refused from now on, even when it is still listed as trusted or a trusted CA issued it.
     */
    public JsonObject revoke(Caller caller, String pem, String reason) {
        requireAdmin(caller);
        X509Certificate certificate = certificate(pem);
        String fingerprint = fingerprint(certificate);
        String subject = certificate.getSubjectX500Principal().getName();
        return jdbi.inTransaction(h -> {
            if (h.createQuery("SELECT COUNT(*) FROM alert_revocation WHERE unit_id = :u AND fingerprint = :f")
                    .bind("u", caller.unitId()).bind("f", fingerprint).mapTo(Integer.class).one() > 0) {
                throw Refusal.conflict("duplicate_revocation", "Chứng thư này (SHA-256 " + fingerprint + ") đã bị thu "
                        + "hồi.");
            }
            long id = h.createUpdate("INSERT INTO alert_revocation (unit_id, fingerprint, subject, reason, revoked_by, "
                            + "revoked_at) VALUES (:u, :f, :s, :r, :by, :at)")
                    .bind("u", caller.unitId()).bind("f", fingerprint).bind("s", subject).bind("r", reason)
                    .bind("by", caller.username()).bind("at", Rows.utc(clock.instant()))
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "alert.authority.revoke", "alert-revocation:" + id, subject + " (SHA-256 "
                    + fingerprint + ")" + (reason == null ? "" : ": " + reason));
            return new JsonObject().put("id", id).put("subject", subject).put("fingerprint", fingerprint)
                    .put("reason", reason);
        });
    }

    /** The revocations of the caller's unit: [{id, subject, fingerprint, reason, revokedBy, revokedAt}]. */
    public JsonArray revocations(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> new JsonArray(h.createQuery("SELECT id, subject, fingerprint, reason, revoked_by, "
                        + "revoked_at FROM alert_revocation WHERE unit_id = :u ORDER BY id").bind("u", caller.unitId())
                .map((rs, ctx) -> new JsonObject().put("id", rs.getLong(1)).put("subject", rs.getString(2))
                        .put("fingerprint", rs.getString(3)).put("reason", rs.getString(4))
                        .put("revokedBy", rs.getString(5)).put("revokedAt", Rows.instant(rs, "revoked_at").toString()))
                .list()));
    }

    /** Whether the caller's unit, or one above it, accepts signed messages only. */
    public boolean required(Caller caller) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM alert_signature_rule r JOIN zone z "
                        + "ON z.id = r.unit_id WHERE r.required AND LEFT(:path, LENGTH(z.path)) = z.path")
                .bind("path", caller.unitPath()).mapTo(Integer.class).one()) > 0;
    }

    /** {requireSignatures, authorities: [...]} of the caller's unit. */
    public JsonObject list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> {
            JsonArray authorities = new JsonArray(h.createQuery("SELECT id, name, subject, fingerprint, not_after, "
                            + "created_at FROM alert_authority WHERE unit_id = :u ORDER BY id").bind("u", caller.unitId())
                    .map((rs, ctx) -> new JsonObject().put("id", rs.getLong("id")).put("name", rs.getString("name"))
                            .put("subject", rs.getString("subject")).put("fingerprint", rs.getString("fingerprint"))
                            .put("notAfter", Rows.instant(rs, "not_after").toString())
                            .put("createdAt", Rows.instant(rs, "created_at").toString()))
                    .list());
            return new JsonObject().put("unit", caller.unitId()).put("requireSignatures", required(caller))
                    .put("authorities", authorities);
        });
    }

    /** Trusts one more certificate (PEM) for the caller's unit. */
    public JsonObject add(Caller caller, String name, String pem) {
        requireAdmin(caller);
        X509Certificate certificate = certificate(pem);
        String fingerprint = fingerprint(certificate);
        String subject = certificate.getSubjectX500Principal().getName();
        return jdbi.inTransaction(h -> {
            int count = h.createQuery("SELECT COUNT(*) FROM alert_authority WHERE unit_id = :u")
                    .bind("u", caller.unitId()).mapTo(Integer.class).one();
            if (count >= MAX_PER_UNIT) {
                throw Refusal.invalid("too_many", "Mỗi đơn vị tin cậy tối đa " + MAX_PER_UNIT + " chứng thư.");
            }
            if (h.createQuery("SELECT COUNT(*) FROM alert_authority WHERE unit_id = :u AND fingerprint = :f")
                    .bind("u", caller.unitId()).bind("f", fingerprint).mapTo(Integer.class).one() > 0) {
                throw Refusal.conflict("duplicate_authority", "Chứng thư này (SHA-256 " + fingerprint + ") đã được "
                        + "tin cậy.");
            }
            long id = h.createUpdate("INSERT INTO alert_authority (unit_id, name, certificate, subject, fingerprint, "
                            + "not_after, created_at) VALUES (:u, :n, :c, :s, :f, :na, :at)")
                    .bind("u", caller.unitId()).bind("n", name).bind("c", pem.strip()).bind("s", subject)
                    .bind("f", fingerprint).bind("na", Rows.utc(certificate.getNotAfter().toInstant()))
                    .bind("at", Rows.utc(clock.instant())).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            audit.record(h, caller, "alert.authority.add", "alert-authority:" + id, name + " (" + subject + ", SHA-256 "
                    + fingerprint + ")");
            return new JsonObject().put("id", id).put("name", name).put("subject", subject)
                    .put("fingerprint", fingerprint).put("notAfter", certificate.getNotAfter().toInstant().toString());
        });
    }

    /** Stops trusting one certificate of the caller's unit. */
    public void remove(Caller caller, long id) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            if (h.createUpdate("DELETE FROM alert_authority WHERE id = :id AND unit_id = :u").bind("id", id)
                    .bind("u", caller.unitId()).execute() == 0) {
                throw Refusal.notFound("cơ quan cảnh báo", String.valueOf(id));
            }
            audit.record(h, caller, "alert.authority.remove", "alert-authority:" + id, null);
        });
    }

    /** Sets whether the caller's unit accepts signed messages only. */
    public JsonObject require(Caller caller, boolean required) {
        requireAdmin(caller);
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM alert_signature_rule WHERE unit_id = :u").bind("u", caller.unitId()).execute();
            h.createUpdate("INSERT INTO alert_signature_rule (unit_id, required) VALUES (:u, :r)")
                    .bind("u", caller.unitId()).bind("r", required).execute();
            audit.record(h, caller, "alert.signatures.require", "zone:" + caller.unitId(), String.valueOf(required));
        });
        return list(caller);
    }

    /** The certificate in a PEM text, or a 400 {@code invalid_certificate}. */
    static X509Certificate certificate(String pem) {
        try {
            if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
                throw new CertificateException("no PEM certificate");
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw Refusal.invalid("invalid_certificate", "Không đọc được chứng thư: cần một chứng thư X.509 dạng PEM "
                    + "(-----BEGIN CERTIFICATE----- ... -----END CERTIFICATE-----), như cơ quan cảnh báo cung cấp.",
                    "certificate");
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được quản lý cơ quan cảnh báo tin cậy và quy định chữ ký.");
        }
    }
}
