package vn.loa.server.plugin;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.loa.server.access.Role;
import vn.loa.server.db.Rows;

/** SQL for plugins' saved configuration, the keys of what they proposed, and the users they act as. Stateless. */
final class PluginStore {

    /**
     * A saved configuration.
     *
     * @param unitId   the unit of the admin who saved it: the plugin acts there
     * @param unitPath that unit's path in the zone tree
     */
    record Config(String name, boolean enabled, JsonObject settings, String unitId, String unitPath) {
    }

    private static final String SELECT = "SELECT p.name, p.enabled, p.settings, p.unit_id, z.path FROM plugin_config p "
            + "JOIN zone z ON z.id = p.unit_id ";

    /** The configuration {@code unitId} saved itself, if any. */
    Optional<Config> find(Handle h, String name, String unitId) {
        return h.createQuery(SELECT + "WHERE p.name = :name AND p.unit_id = :unit").bind("name", name)
                .bind("unit", unitId).map((rs, ctx) -> config(rs)).findOne();
    }

    /** The configuration that applies in the unit at {@code unitPath}: its own, or the nearest one above. */
    Optional<Config> applying(Handle h, String name, String unitPath) {
        return h.createQuery(SELECT + "WHERE p.name = :name").bind("name", name).map((rs, ctx) -> config(rs)).list()
                .stream().filter(c -> unitPath.startsWith(c.unitPath()))
                .max(java.util.Comparator.comparingInt(c -> c.unitPath().length()));
    }

    List<Config> all(Handle h) {
        return h.createQuery(SELECT + "ORDER BY p.name, z.path").map((rs, ctx) -> config(rs)).list();
    }

    private static Config config(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Config(rs.getString("name"), rs.getBoolean("enabled"), new JsonObject(rs.getString("settings")),
                rs.getString("unit_id"), rs.getString("path"));
    }

    void save(Handle h, Config c, String by, Instant now) {
        int changed = h.createUpdate("UPDATE plugin_config SET enabled = :enabled, settings = :settings, "
                        + "updated_by = :by, updated_at = :at WHERE name = :name AND unit_id = :unit")
                .bind("name", c.name()).bind("enabled", c.enabled()).bind("settings", c.settings().encode())
                .bind("unit", c.unitId()).bind("by", by).bind("at", Rows.utc(now)).execute();
        if (changed == 0) {
            h.createUpdate("INSERT INTO plugin_config (name, enabled, settings, unit_id, updated_by, updated_at) "
                            + "VALUES (:name, :enabled, :settings, :unit, :by, :at)")
                    .bind("name", c.name()).bind("enabled", c.enabled()).bind("settings", c.settings().encode())
                    .bind("unit", c.unitId()).bind("by", by).bind("at", Rows.utc(now)).execute();
        }
    }

    /** Deletes {@code unitId}'s own configuration; true when there was one. */
    boolean delete(Handle h, String name, String unitId) {
        return h.createUpdate("DELETE FROM plugin_config WHERE name = :name AND unit_id = :unit").bind("name", name)
                .bind("unit", unitId).execute() > 0;
    }

    /** Replaces the stored settings only (sealing secrets saved before they were encrypted). */
    void reseal(Handle h, Config c) {
        h.createUpdate("UPDATE plugin_config SET settings = :settings WHERE name = :name AND unit_id = :unit")
                .bind("settings", c.settings().encode()).bind("name", c.name()).bind("unit", c.unitId()).execute();
    }

    /**
     * Makes sure the user a unit's instance of a plugin acts as exists, in {@code unitId}, as an approver that can
     * never sign in (no password matches {@code !}, and it is disabled).
     */
    void actAs(Handle h, String username, String plugin, String unitId, Instant now) {
        int changed = h.createUpdate("UPDATE app_user SET unit_id = :unit WHERE username = :u")
                .bind("unit", unitId).bind("u", username).execute();
        if (changed == 0) {
            h.createUpdate("INSERT INTO app_user (username, display_name, password_hash, role, unit_id, enabled, "
                            + "created_at) VALUES (:u, :name, '!', :role, :unit, FALSE, :at)")
                    .bind("u", username).bind("name", "Plugin " + plugin).bind("role", Role.APPROVER.wireName())
                    .bind("unit", unitId).bind("at", Rows.utc(now)).execute();
        }
    }

    boolean seen(Handle h, String plugin, String unitId, String key) {
        return h.createQuery("SELECT COUNT(*) FROM plugin_item WHERE plugin = :p AND unit_id = :u AND item_key = :k")
                .bind("p", plugin).bind("u", unitId).bind("k", storedKey(key)).mapTo(Integer.class).one() > 0;
    }

    void remember(Handle h, String plugin, String unitId, String key, Long announcementId, Instant now) {
        h.createUpdate("INSERT INTO plugin_item (plugin, unit_id, item_key, announcement_id, seen_at) "
                        + "VALUES (:p, :u, :k, :a, :at)")
                .bind("p", plugin).bind("u", unitId).bind("k", storedKey(key)).bind("a", announcementId)
                .bind("at", Rows.utc(now)).execute();
    }

    /**
     * Claims {@code key} for an alert about to be aired: true for the one caller that stored it first. Every member of
     * a cluster runs the same triggers and sees the same event, so the primary key decides which member airs it.
     */
    boolean claim(Handle h, String plugin, String unitId, String key, Instant now) {
        try {
            remember(h, plugin, unitId, key, null, now);
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Notes the announcement a claimed key became. */
    void claimed(Handle h, String plugin, String unitId, String key, long announcementId) {
        h.createUpdate("UPDATE plugin_item SET announcement_id = :a WHERE plugin = :p AND unit_id = :u AND item_key = :k")
                .bind("p", plugin).bind("u", unitId).bind("k", storedKey(key)).bind("a", announcementId).execute();
    }

    /** Lets go of a claimed key whose alert could not be created, so a later alert with it is not ignored. */
    void release(Handle h, String plugin, String unitId, String key) {
        h.createUpdate("DELETE FROM plugin_item WHERE plugin = :p AND unit_id = :u AND item_key = :k "
                        + "AND announcement_id IS NULL")
                .bind("p", plugin).bind("u", unitId).bind("k", storedKey(key)).execute();
    }

    /** Long keys (whole URLs) are stored as their SHA-256, which fits the column and still tells them apart. */
    static String storedKey(String key) {
        return key.length() <= 200 ? key : "sha256:" + sha256(key);
    }

    /** The SHA-256 of {@code text} in hex. */
    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
