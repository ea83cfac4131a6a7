package vn.loa.server.layout;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Layouts;
import vn.loa.display.layout.Region;
import vn.loa.server.refusal.Refusal;

/** The JSON shape of a layout, as the API lists it and as {@code custom_layout.body} stores it. */
public final class LayoutJson {

    private LayoutJson() {
    }

    public static JsonArray all(LayoutCatalog catalog) {
        return new JsonArray(catalog.all().stream().map(LayoutJson::write).toList());
    }

    static JsonObject write(LayoutCatalog.Entry e) {
        return write(e.layout()).put("custom", e.custom());
    }

    static JsonObject write(Layout l) {
        JsonArray regions = new JsonArray();
        for (Region r : l.regions()) {
            JsonObject region = new JsonObject().put("name", r.name()).put("x", r.x()).put("y", r.y())
                    .put("width", r.width()).put("height", r.height()).put("z", r.z()).put("widget", r.widget().name());
            if (r.text() != null) {
                region.put("text", r.text());
            }
            regions.add(region);
        }
        return new JsonObject().put("name", l.name()).put("title", l.title()).put("width", l.width())
                .put("height", l.height()).put("regions", regions);
    }

    /** A layout from a request's body; the name from the path when there is one. A bad layout is a 400 saying why. */
    public static Layout read(JsonObject body, String name) {
        JsonObject o = body.copy();
        if (name != null) {
            o.put("name", name);
        }
        try {
            return Layouts.read(o.encode());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid_layout", "Bố cục không hợp lệ: " + e.getMessage(), "regions");
        }
    }
}
