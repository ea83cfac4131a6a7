package vn.loa.server.plugin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The names of the settings that differ between two versions ({@code email.password}, {@code webhooks[0].url}): what
 * the audit log records of a change, never the values, which may be secrets.
 */
final class SettingsChanges {

    private SettingsChanges() {
    }

    static List<String> between(JsonObject before, JsonObject after) {
        Map<String, Object> old = new TreeMap<>();
        Map<String, Object> now = new TreeMap<>();
        flatten("", before, old);
        flatten("", after, now);
        TreeSet<String> names = new TreeSet<>(old.keySet());
        names.addAll(now.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(old.get(name), now.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }

    private static void flatten(String at, Object value, Map<String, Object> into) {
        if (value instanceof JsonObject o) {
            for (String key : o.fieldNames()) {
                flatten(at.isEmpty() ? key : at + "." + key, o.getValue(key), into);
            }
        } else if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                flatten(at + "[" + i + "]", a.getValue(i), into);
            }
        } else if (value != null) {
            into.put(at, value instanceof Number n ? n.doubleValue() : value);
        }
    }
}
