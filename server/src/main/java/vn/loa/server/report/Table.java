package vn.loa.server.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A report as rows of cells: each column has a JSON key and a Vietnamese header for the spreadsheet. Cells are
 * {@code String}, {@code Long} or {@code Double}.
 */
public record Table(String name, List<Column> columns, List<List<Object>> rows) {

    /** A column: its key in JSON, its header in CSV and XLSX. */
    public record Column(String key, String header) {
    }

    /** The rows as JSON objects keyed by the columns' keys. */
    public JsonArray json() {
        JsonArray out = new JsonArray();
        for (List<Object> row : rows) {
            JsonObject o = new JsonObject();
            for (int i = 0; i < columns.size(); i++) {
                o.put(columns.get(i).key(), row.get(i));
            }
            out.add(o);
        }
        return out;
    }
}
