package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Nodes of kind {@code stream} (boxes that pull their zone's HTTP stream). The first migration wrote the kinds as an
 * unnamed CHECK, which H2 and PostgreSQL name differently; this finds it by its text in the standard
 * information schema, drops it and adds a named one, the same on both.
 */
public class V105__node_kind_stream extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        UnnamedConstraints.drop(context.getConnection(), "node", "SELECT tc.constraint_name "
                + "FROM information_schema.table_constraints tc "
                + "JOIN information_schema.check_constraints cc ON cc.constraint_name = tc.constraint_name "
                + "AND cc.constraint_schema = tc.constraint_schema "
                + "WHERE LOWER(tc.table_name) = 'node' AND tc.constraint_type = 'CHECK' "
                + "AND cc.check_clause LIKE '%agent%'");
        try (Statement alter = context.getConnection().createStatement()) {
            alter.execute("ALTER TABLE node ADD CONSTRAINT node_kind CHECK (kind IN ('agent', 'rtp', 'stream'))");
        }
    }
}
