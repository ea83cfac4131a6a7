package vn.loa.server.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;

/** SQL for users. Stateless; every method runs on the caller's handle. */
public final class UserRepository {

    /** A user with the stored password hash, for sign-in only. */
    public record Credentials(User user, String passwordHash) {
    }

    private static final String SELECT = "SELECT u.username, u.display_name, u.role, u.unit_id, u.enabled, "
            + "u.password_hash, z.path FROM app_user u JOIN zone z ON z.id = u.unit_id ";
    private static final RowMapper<User> USER = (rs, ctx) -> new User(rs.getString("username"),
            rs.getString("display_name"), Role.fromWire(rs.getString("role")), rs.getString("unit_id"),
            rs.getString("path"), rs.getBoolean("enabled"));

    public Optional<Credentials> credentials(Handle h, String username) {
        return h.createQuery(SELECT + "WHERE u.username = :u").bind("u", username)
                .map((rs, ctx) -> new Credentials(USER.map(rs, ctx), rs.getString("password_hash")))
                .findOne();
    }

    public Optional<User> find(Handle h, String username) {
        return h.createQuery(SELECT + "WHERE u.username = :u").bind("u", username).map(USER).findOne();
    }

    public List<User> inSubtree(Handle h, String pathPrefix) {
        return h.createQuery(SELECT + "WHERE LEFT(z.path, :n) = :prefix ORDER BY u.username")
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix).map(USER).list();
    }

    public void update(Handle h, User user) {
        h.createUpdate("UPDATE app_user SET display_name = :displayName, role = :role, unit_id = :unitId, "
                        + "enabled = :enabled WHERE username = :username")
                .bindMethods(user).bind("role", user.role().wireName())
                .execute();
    }

    /** Sets a user's own new password; one Loa generated no longer has to be changed. */
    public void setPassword(Handle h, String username, String passwordHash) {
        h.createUpdate("UPDATE app_user SET password_hash = :hash, must_change_password = FALSE WHERE username = :u")
                .bind("hash", passwordHash).bind("u", username).execute();
    }

    /** Whether the user's current password was generated, so that their next sign-in may only change it. */
    public void mustChangePassword(Handle h, String username, boolean must) {
        h.createUpdate("UPDATE app_user SET must_change_password = :m WHERE username = :u").bind("m", must)
                .bind("u", username).execute();
    }

    /** Whether the user must change a generated password before anything else. */
    public boolean mustChangePassword(Handle h, String username) {
        return h.createQuery("SELECT must_change_password FROM app_user WHERE username = :u").bind("u", username)
                .mapTo(Boolean.class).findOne().orElse(false);
    }

    public boolean any(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Integer.class).one() > 0;
    }

    public void insert(Handle h, User user, String passwordHash, Instant now) {
        h.createUpdate("INSERT INTO app_user (username, display_name, password_hash, role, unit_id, enabled, created_at) "
                        + "VALUES (:username, :displayName, :hash, :role, :unitId, :enabled, :at)")
                .bindMethods(user).bind("role", user.role().wireName()).bind("hash", passwordHash)
                .bind("at", Rows.utc(now))
                .execute();
    }
}
