package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Constraints an early migration left unnamed, which H2 and PostgreSQL name differently: found by a query on the
 * standard information schema and dropped by the names it returns, so a migration can replace them with named ones.
 */
final class UnnamedConstraints {

    private UnnamedConstraints() {
    }

    /** Drops from {@code table} every constraint whose name {@code query} returns (first column). */
    static void drop(Connection connection, String table, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement find = connection.createStatement(); ResultSet rows = find.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        try (Statement alter = connection.createStatement()) {
            for (String name : names) {
                alter.execute("ALTER TABLE " + table + " DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
        }
    }
}
