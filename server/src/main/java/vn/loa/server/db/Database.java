package vn.loa.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import vn.loa.server.config.LoaConfig;

/**
 * The connection pool, the schema and the Jdbi handle factory of one server; H2 or PostgreSQL by the URL.
 *
 * <p>Opening migrates the schema with Flyway before anything else touches it. Every call on {@link #jdbi()} blocks:
 * run it on a worker thread, never on the event loop.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final Jdbi jdbi;
    /** On the embedded H2, the source that keeps the store open and append-only (ADR 0015, 0025); else null. */
    private final H2AppendOnly.Source keeper;

    private Database(HikariDataSource pool, H2AppendOnly.Source keeper) {
        this.pool = pool;
        this.keeper = keeper;
        this.jdbi = Jdbi.create(pool);
        // Filters bind every optional parameter and use only those that are set.
        this.jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(LoaConfig config) {
        HikariConfig hikari = new HikariConfig();
        if (config.isPostgres()) {
            hikari.setUsername(config.dbUser());
            hikari.setPassword(config.dbPassword());
        }
        hikari.setMaximumPoolSize(config.dbPoolSize());
        hikari.setPoolName("loa-db");
        // Fail fast with the driver's own reason when the database is unreachable at start-up.
        hikari.setInitializationFailTimeout(10_000);
        // A connection of a database that is gone (H2 closes its database when a write fails: a full disk) is
        // dropped at once, so the pool's next one opens it again when space is back (ADR 0025).
        hikari.setExceptionOverride(new com.zaxxer.hikari.SQLExceptionOverride() {
            @java.lang.Override
            public Override adjudicate(java.sql.SQLException e) {
                return e.getErrorCode() == 90098 || e.getErrorCode() == 90121 ? Override.MUST_EVICT
                        : Override.CONTINUE_EVICT;
            }
        });
        H2AppendOnly.Source keeper = null;
        if (config.dbUrl().startsWith("jdbc:h2:file:")) {
            // Before any write, Flyway's included: see H2AppendOnly (ADR 0015).
            H2AppendOnly.compact(config.dbUrl());
            keeper = H2AppendOnly.source(config.dbUrl());
            hikari.setDataSource(keeper);
        } else {
            hikari.setJdbcUrl(config.dbUrl());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            closeQuietly(keeper);
            throw e;
        }
        MigrationGuard guard = null;
        try {
            // db/vendor/h2 and db/vendor/postgresql hold what differs by database (Quartz's job store tables).
            String vendor = config.isPostgres() ? "postgresql" : "h2";
            // Out of order: features land in parallel with reserved version ranges (V10 scheduler, V20 boards, ...),
            // so a database that already has a higher version must still take a lower one that arrives later.
            // Grouped on PostgreSQL: an upgrade's migrations are one transaction, so a failing one rolls back those
            // before it too and the previous Loa opens the database as it left it (H2 commits DDL as it goes:
            // MigrationGuard copies its file instead). ADR 0039.
            Flyway flyway = Flyway.configure().dataSource(pool)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor).outOfOrder(true)
                    .group(config.isPostgres()).load();
            guard = MigrationGuard.before(flyway, keeper == null ? null : LoaConfig.h2File(config.dbUrl()));
            flyway.migrate();
            guard.succeeded();
        } catch (RuntimeException e) {
            pool.close();
            closeQuietly(keeper);
            throw guard == null || !(e instanceof org.flywaydb.core.api.FlywayException) ? e : guard.failed(e);
        }
        return new Database(pool, keeper);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when a connection answers a trivial query: the health check. */
    public boolean isReachable() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        closeQuietly(keeper);
    }

    private static void closeQuietly(H2AppendOnly.Source keeper) {
        if (keeper != null) {
            keeper.close(); // the store is closed with the last connection
        }
    }
}
