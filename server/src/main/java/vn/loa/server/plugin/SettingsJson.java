package vn.loa.server.plugin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.loa.plugin.Settings;

/** Converts between Vert.x JSON and the plain Java values of the SPI's {@link Settings}. */
final class SettingsJson {

    private SettingsJson() {
    }

    static Settings read(JsonObject json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> plain = (Map<String, Object>) plain(json);
        return new Settings(plain);
    }

    static JsonObject write(Settings settings) {
        return new JsonObject(settings.values()).copy();
    }

    private static Object plain(Object value) {
        if (value instanceof JsonObject o) {
            return plain(o.getMap());
        }
        if (value instanceof JsonArray a) {
            return plain(a.getList());
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }
}
