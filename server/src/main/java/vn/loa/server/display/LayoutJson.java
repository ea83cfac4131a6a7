package vn.loa.server.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Layouts;
import vn.loa.display.layout.Region;

/** The layout templates as the API lists them, for a board form's picker and, later, the layout editor. */
final class LayoutJson {

    private LayoutJson() {
    }

    static JsonArray all() {
        return new JsonArray(Layouts.all().stream().map(LayoutJson::write).toList());
    }

    static JsonObject write(Layout l) {
        JsonArray regions = new JsonArray();
        for (Region r : l.regions()) {
            regions.add(new JsonObject().put("name", r.name()).put("x", r.x()).put("y", r.y()).put("width", r.width())
                    .put("height", r.height()).put("z", r.z()).put("widget", r.widget().name()).put("text", r.text()));
        }
        return new JsonObject().put("name", l.name()).put("title", l.title()).put("width", l.width())
                .put("height", l.height()).put("regions", regions);
    }
}
