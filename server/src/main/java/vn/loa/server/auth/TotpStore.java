package vn.loa.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.server.secret.SecretCipher;
import vn.loa.server.db.Rows;

/**
 * SQL for users' TOTP secrets ({@code user_totp}) and recovery codes ({@code user_recovery_code}). Each change that
 * spends something (a time step, a recovery code) is one conditional update, so two servers cannot both accept it.
 * Stateless; every method runs on the caller's handle.
 */
public final class TotpStore {

    private final SecretCipher cipher;

    /** @param cipher seals each secret before it is stored (ADR 0023's key), so a database copy holds no usable secret */
    public TotpStore(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** A user's secret, whether enrolment was confirmed, and the time step of the last code accepted. */
    public record Secret(String secret, boolean confirmed, long lastStep) {
    }

    public Optional<Secret> find(Handle h, String username) {
        return h.createQuery("SELECT secret, confirmed_at, last_step FROM user_totp WHERE username = :u")
                .bind("u", username)
                .map((rs, ctx) -> new Secret(opened(rs.getString("secret")), rs.getObject("confirmed_at") != null,
                        rs.getLong("last_step")))
                .findOne();
    }

    /** Starts (or restarts) an enrolment with a new secret, unconfirmed. */
    public void start(Handle h, String username, String secret, Instant now) {
        h.createUpdate("DELETE FROM user_totp WHERE username = :u").bind("u", username).execute();
        h.createUpdate("INSERT INTO user_totp (username, secret, created_at) VALUES (:u, :s, :now)")
                .bind("u", username).bind("s", cipher.seal(secret)).bind("now", Rows.utc(now)).execute();
    }

    /** A secret as stored: sealed, or in clear if an earlier build stored it so. */
    private String opened(String stored) {
        return SecretCipher.isSealed(stored) ? cipher.open(stored) : stored;
    }

    /** Confirms a waiting enrolment with the step of its first right code; false when none was waiting. */
    public boolean confirm(Handle h, String username, long step, Instant now) {
        return h.createUpdate("UPDATE user_totp SET confirmed_at = :now, last_step = :step "
                        + "WHERE username = :u AND confirmed_at IS NULL")
                .bind("now", Rows.utc(now)).bind("step", step).bind("u", username).execute() > 0;
    }

    /** Spends a time step; false when that step or a later one was already accepted. */
    public boolean spendStep(Handle h, String username, long step) {
        return h.createUpdate("UPDATE user_totp SET last_step = :step WHERE username = :u AND last_step < :step "
                        + "AND confirmed_at IS NOT NULL")
                .bind("step", step).bind("u", username).execute() > 0;
    }

    /** Replaces a user's recovery codes with new ones (their hashes). */
    public void replaceRecoveryCodes(Handle h, String username, List<String> hashes) {
        h.createUpdate("DELETE FROM user_recovery_code WHERE username = :u").bind("u", username).execute();
        var batch = h.prepareBatch("INSERT INTO user_recovery_code (username, code_hash) VALUES (:u, :hash)");
        hashes.forEach(hash -> batch.bind("u", username).bind("hash", hash).add());
        batch.execute();
    }

    /** Spends one unused recovery code; false when there is no such unused code. */
    public boolean spendRecoveryCode(Handle h, String username, String hash, Instant now) {
        return h.createUpdate("UPDATE user_recovery_code SET used_at = :now "
                        + "WHERE username = :u AND code_hash = :hash AND used_at IS NULL")
                .bind("now", Rows.utc(now)).bind("u", username).bind("hash", hash).execute() > 0;
    }

    public int recoveryCodesLeft(Handle h, String username) {
        return h.createQuery("SELECT COUNT(*) FROM user_recovery_code WHERE username = :u AND used_at IS NULL")
                .bind("u", username).mapTo(Integer.class).one();
    }

    /** Forgets a user's second factor entirely; false when they had none. */
    public boolean remove(Handle h, String username) {
        h.createUpdate("DELETE FROM user_recovery_code WHERE username = :u").bind("u", username).execute();
        return h.createUpdate("DELETE FROM user_totp WHERE username = :u").bind("u", username).execute() > 0;
    }
}
