package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Proposed slides are remembered per plugin, unit and key (issue 22, ADR 0023): a province and a commune that run the
 * same feed each get the slide. V45 made (plugin, item_key) an unnamed UNIQUE, which H2 and PostgreSQL name
 * differently; this finds it in the standard information schema, drops it and adds a named one, the same on both.
 */
public class V109__proposed_slides_per_unit extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> names = new ArrayList<>();
        try (Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT constraint_name FROM information_schema.table_constraints "
                        + "WHERE LOWER(table_name) = 'proposed_slide' AND constraint_type = 'UNIQUE'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        try (Statement alter = connection.createStatement()) {
            for (String name : names) {
                alter.execute("ALTER TABLE proposed_slide DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
            }
            alter.execute("ALTER TABLE proposed_slide ADD CONSTRAINT proposed_slide_unit_key "
                    + "UNIQUE (plugin, unit_id, item_key)");
        }
    }
}
