package vn.loa.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.server.access.Role;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.access.SessionEnd;
import vn.loa.server.db.Rows;

/** SQL for sign-in sessions ({@code auth_session}). Stateless; every method runs on the caller's handle. */
public final class SessionStore {

    /** A session joined with its user as the database has them now: the role and unit that authorise a request. */
    public record Row(String id, String username, Role role, String unitId, String unitPath, boolean enabled,
            String address, Instant createdAt, Instant lastSeenAt, Instant expiresAt, Instant endedAt,
            String endReason, SecondFactor factor) {

        /** This row with {@code last_seen_at} moved to {@code now}. */
        Row seen(Instant now) {
            return new Row(id, username, role, unitId, unitPath, enabled, address, createdAt, now, expiresAt, endedAt,
                    endReason, factor);
        }
    }

    private static final String SELECT = "SELECT s.id, s.username, s.address, s.created_at, s.last_seen_at, "
            + "s.expires_at, s.ended_at, s.end_reason, s.pending, s.proved_at, u.role, u.unit_id, u.enabled, z.path, "
            + "t.confirmed_at AS totp_at "
            + "FROM auth_session s JOIN app_user u ON u.username = s.username JOIN zone z ON z.id = u.unit_id "
            + "LEFT JOIN user_totp t ON t.username = s.username ";
    private static final RowMapper<Row> ROW = (rs, ctx) -> new Row(rs.getString("id"), rs.getString("username"),
            Role.fromWire(rs.getString("role")), rs.getString("unit_id"), rs.getString("path"),
            rs.getBoolean("enabled"), rs.getString("address"), Rows.instant(rs, "created_at"),
            Rows.instant(rs, "last_seen_at"), Rows.instant(rs, "expires_at"), Rows.instant(rs, "ended_at"),
            rs.getString("end_reason"), new SecondFactor(SecondFactor.Pending.fromWire(rs.getString("pending")),
                    rs.getObject("totp_at") != null, Rows.instant(rs, "proved_at")));

    public void insert(Handle h, String id, String username, String address, Instant now, Instant expiresAt,
            SecondFactor.Pending pending) {
        h.createUpdate("INSERT INTO auth_session (id, username, address, created_at, last_seen_at, expires_at, pending) "
                        + "VALUES (:id, :u, :address, :now, :now, :expires, :pending)")
                .bind("id", id).bind("u", username).bind("address", address).bind("now", Rows.utc(now))
                .bind("expires", Rows.utc(expiresAt)).bind("pending", pending == null ? null : pending.wireName())
                .execute();
    }

    /** The session's user replaced a generated password: nothing is owed any more (no code was proved). */
    public void passwordChanged(Handle h, String id) {
        h.createUpdate("UPDATE auth_session SET pending = NULL WHERE id = :id AND pending = 'password'").bind("id", id)
                .execute();
    }

    /** The session's user proved their second factor now: nothing is owed any more, and the failures are forgiven. */
    public void proved(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE auth_session SET pending = NULL, proved_at = :now, factor_failures = 0 WHERE id = :id")
                .bind("now", Rows.utc(now)).bind("id", id).execute();
    }

    /** Counts a wrong second-factor code against the session; returns the count so far. */
    public int failed(Handle h, String id) {
        h.createUpdate("UPDATE auth_session SET factor_failures = factor_failures + 1 WHERE id = :id")
                .bind("id", id).execute();
        return h.createQuery("SELECT factor_failures FROM auth_session WHERE id = :id").bind("id", id)
                .mapTo(Integer.class).one();
    }

    public Optional<Row> find(Handle h, String id) {
        return h.createQuery(SELECT + "WHERE s.id = :id").bind("id", id).map(ROW).findOne();
    }

    /** Sessions not ended, not expired and used since {@code idleSince}, of users in the subtree at {@code pathPrefix}. */
    public List<Row> active(Handle h, String pathPrefix, Instant now, Instant idleSince) {
        return h.createQuery(SELECT + "WHERE s.ended_at IS NULL AND s.expires_at > :now AND s.last_seen_at > :idle "
                        + "AND LEFT(z.path, :n) = :prefix ORDER BY s.last_seen_at DESC")
                .bind("now", Rows.utc(now)).bind("idle", Rows.utc(idleSince))
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix)
                .map(ROW).list();
    }

    public void touch(Handle h, String id, Instant now) {
        h.createUpdate("UPDATE auth_session SET last_seen_at = :now WHERE id = :id AND ended_at IS NULL")
                .bind("now", Rows.utc(now)).bind("id", id).execute();
    }

    /** Ends one session; false when it had already ended. */
    public boolean end(Handle h, String id, SessionEnd reason, Instant now) {
        return h.createUpdate("UPDATE auth_session SET ended_at = :now, end_reason = :reason "
                        + "WHERE id = :id AND ended_at IS NULL")
                .bind("now", Rows.utc(now)).bind("reason", reason.wireName()).bind("id", id)
                .execute() > 0;
    }

    /** Ends every open session of a user but {@code keepId} (may be null); returns how many ended. */
    public int endAllOf(Handle h, String username, String keepId, SessionEnd reason, Instant now) {
        return h.createUpdate("UPDATE auth_session SET ended_at = :now, end_reason = :reason "
                        + "WHERE username = :u AND ended_at IS NULL AND id <> :keep")
                .bind("now", Rows.utc(now)).bind("reason", reason.wireName()).bind("u", username)
                .bind("keep", keepId == null ? "" : keepId)
                .execute();
    }

    /** Forgets sessions that expired before {@code before}: their tokens are refused by their expiry anyway. */
    public void purge(Handle h, Instant before) {
        h.createUpdate("DELETE FROM auth_session WHERE expires_at < :before").bind("before", Rows.utc(before)).execute();
    }
}
