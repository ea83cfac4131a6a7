package vn.loa.server.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.loa.scheduler.session.PlannedItem;
import vn.loa.scheduler.session.RunOrder;

/** A run order's JSON, both ways: shown in the programme grid and stored with the session that aired it. */
final class RunOrderJson {

    private RunOrderJson() {
    }

    static JsonObject write(RunOrder order) {
        JsonArray items = new JsonArray();
        for (PlannedItem i : order.items()) {
            items.add(new JsonObject().put("kind", i.kind().name()).put("ref", i.ref()).put("title", i.title())
                    .put("offsetMs", i.offset().toMillis()).put("lengthMs", i.length().toMillis())
                    .put("fixed", i.fixed()).put("cut", i.cut()));
        }
        return new JsonObject().put("items", items).put("lengthMs", order.length().toMillis())
                .put("dropped", new JsonArray(order.dropped())).put("lateMs", order.late().toMillis());
    }

    static RunOrder read(JsonObject json) {
        List<PlannedItem> items = new ArrayList<>();
        for (Object o : json.getJsonArray("items")) {
            JsonObject i = (JsonObject) o;
            items.add(new PlannedItem(PlannedItem.ItemKind.valueOf(i.getString("kind")), i.getString("ref"),
                    i.getString("title"), Duration.ofMillis(i.getLong("offsetMs")),
                    Duration.ofMillis(i.getLong("lengthMs")), i.getBoolean("fixed"), i.getBoolean("cut")));
        }
        return new RunOrder(items, json.getJsonArray("dropped").stream().map(String::valueOf).toList(),
                Duration.ofMillis(json.getLong("lateMs")));
    }
}
