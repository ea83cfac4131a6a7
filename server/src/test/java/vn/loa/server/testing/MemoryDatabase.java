package vn.loa.server.testing;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;

/** An in-memory H2 database with every Loa migration applied, for unit tests of SQL-backed classes. */
public final class MemoryDatabase {

    private MemoryDatabase() {
    }

    /** A fresh database named {@code name} (unique per test), kept until the JVM ends. */
    public static Jdbi migrated(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .outOfOrder(true).load().migrate();
        return Jdbi.create(h2);
    }
}
