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

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        // Filters bind every optional parameter and use only those that are set.
        this.jdbi.getConfig(SqlStatements.class).setUnusedBindingAllowed(true);
    }

    /** Opens the pool and brings the schema up to date. */
    public static Database open(LoaConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.dbUrl());
        if (config.isPostgres()) {
            hikari.setUsername(config.dbUser());
            hikari.setPassword(config.dbPassword());
        }
        hikari.setMaximumPoolSize(config.dbPoolSize());
        hikari.setPoolName("loa-db");
        // Fail fast with the driver's own reason when the database is unreachable at start-up.
        hikari.setInitializationFailTimeout(10_000);
        boolean embeddedH2 = config.dbUrl().startsWith("jdbc:h2:file:");
        if (embeddedH2) {
            H2AppendOnly.compact(config.dbUrl());
        }
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            if (embeddedH2) {
                // Before any write, Flyway's included: see H2AppendOnly (ADR 0015).
                H2AppendOnly.start(pool);
            }
            // db/vendor/h2 and db/vendor/postgresql hold what differs by database (Quartz's job store tables).
            String vendor = config.isPostgres() ? "postgresql" : "h2";
            // Out of order: features land in parallel with reserved version ranges (V10 scheduler, V20 boards, ...),
            // so a database that already has a higher version must still take a lower one that arrives later.
            Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                    .outOfOrder(true).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
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
    }
}
