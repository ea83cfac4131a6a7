package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Proposed slides are remembered per plugin, unit and key (issue 22, ADR 0023): a province and a commune that run the
 * same feed each get the slide. V45 made (plugin, item_key) an unnamed UNIQUE; this replaces it with a named one.
 */
public class V109__proposed_slides_per_unit extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        UnnamedConstraints.drop(context.getConnection(), "proposed_slide", "SELECT constraint_name "
                + "FROM information_schema.table_constraints "
                + "WHERE LOWER(table_name) = 'proposed_slide' AND constraint_type = 'UNIQUE'");
        try (Statement alter = context.getConnection().createStatement()) {
            alter.execute("ALTER TABLE proposed_slide ADD CONSTRAINT proposed_slide_unit_key "
                    + "UNIQUE (plugin, unit_id, item_key)");
        }
    }
}
