package vn.loa.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plugin's settings as the admin saved them: a JSON object seen as plain Java values (String, Number, Boolean,
 * List, Map). Immutable.
 *
 * <p>The typed getters throw {@link IllegalArgumentException} with a message for the admin when a value has the wrong
 * type; Loa shows it like an {@link InvalidSettingsException}.
 */
public record Settings(Map<String, Object> values) {

    public static final Settings EMPTY = new Settings(Map.of());

    public Settings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings of(Map<String, ?> values) {
        return new Settings(Map.copyOf(values));
    }

    /** A copy with one value set (or removed, for {@code null}). */
    public Settings with(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Settings(copy);
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public String text(String key, String fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("'" + key + "' phải là chuỗi ký tự.");
        }
        return s.strip();
    }

    public long number(String key, long fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != n.longValue()) {
            throw new IllegalArgumentException("'" + key + "' phải là số nguyên.");
        }
        return n.longValue();
    }

    public double decimal(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("'" + key + "' phải là số.");
        }
        return n.doubleValue();
    }

    public boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("'" + key + "' phải là true hoặc false.");
        }
        return b;
    }

    /** A list of strings; empty when absent. */
    public List<String> texts(String key) {
        return list(key).stream().map(v -> {
            if (!(v instanceof String s)) {
                throw new IllegalArgumentException("'" + key + "' phải là danh sách chuỗi ký tự.");
            }
            return s.strip();
        }).toList();
    }

    /** A list of objects (rules, receivers), each as settings of its own; empty when absent. */
    public List<Settings> objects(String key) {
        return list(key).stream().map(v -> {
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException("'" + key + "' phải là danh sách đối tượng.");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, x) -> copy.put(String.valueOf(k), x));
            return new Settings(copy);
        }).toList();
    }

    private List<?> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw new IllegalArgumentException("'" + key + "' phải là danh sách.");
        }
        return l;
    }
}
