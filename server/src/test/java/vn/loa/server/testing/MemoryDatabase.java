package vn.loa.server.testing;

import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * Loa's schema in an embedded in-memory H2, migrated as the server migrates it: for unit tests of the services and
 * stores (no server, no process). Each instance is a new, empty database.
 *
 * <p>The migrations run once per JVM; each database after the first is made from H2's script of the migrated one, which
 * takes milliseconds instead of seconds.
 */
public final class MemoryDatabase {

    private static List<String> migrated;

    private final String url = newUrl();
    private final Jdbi jdbi;

    public MemoryDatabase() {
        jdbi = Jdbi.create(url);
        jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
        List<String> script = migrated();
        jdbi.useHandle(h -> script.forEach(h::execute));
    }

    private static synchronized List<String> migrated() {
        if (migrated == null) {
            String url = newUrl();
            Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                    .outOfOrder(true).load().migrate();
            migrated = List.copyOf(Jdbi.create(url).withHandle(h -> h.createQuery("SCRIPT").mapTo(String.class)
                    .list()));
        }
        return migrated;
    }

    private static String newUrl() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** The JDBC URL, for what opens connections of its own (the programme clock's Quartz). */
    public String url() {
        return url;
    }

    /** Adds a zone under {@code parent} (null for a top unit); returns its path. */
    public String zone(String id, String parent) {
        String path = parent == null ? "/" + id + "/"
                : jdbi.withHandle(h -> h.createQuery("SELECT path FROM zone WHERE id = :p").bind("p", parent)
                        .mapTo(String.class).one()) + id + "/";
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO zone (id, name, parent_id, path, created_at) "
                + "VALUES (:id, :id, :parent, :path, CURRENT_TIMESTAMP)")
                .bind("id", id).bind("parent", parent).bind("path", path).execute());
        return path;
    }

    /** Adds an enabled user of {@code role} ({@code clerk}, {@code approver}, ...) in the unit {@code unit}. */
    public void user(String username, String role, String unit) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO app_user (username, display_name, password_hash, role, unit_id, "
                + "enabled, created_at) VALUES (:u, :u, 'x', :role, :unit, TRUE, CURRENT_TIMESTAMP)")
                .bind("u", username).bind("role", role).bind("unit", unit).execute());
    }
}
