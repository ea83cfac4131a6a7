package vn.loa.server.plugin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.regex.Pattern;

/**
 * Keeps plugins' secrets (SMTP passwords, gateway tokens) out of answers and the audit log: values under a key that
 * names a secret are shown as {@link #MASK}, and a saved value comes back when a client sends the mask unchanged.
 */
final class SecretSettings {

    static final String MASK = "********";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|apikey|api_key).*");

    private SecretSettings() {
    }

    /** A copy with every secret value replaced by the mask. */
    static JsonObject masked(JsonObject settings) {
        return (JsonObject) mask(settings.copy(), false);
    }

    private static Object mask(Object value, boolean secret) {
        if (value instanceof JsonObject o) {
            for (String key : o.fieldNames()) {
                o.put(key, mask(o.getValue(key), secret || SECRET.matcher(key).matches()));
            }
            return o;
        }
        if (value instanceof JsonArray a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, mask(a.getValue(i), secret));
            }
            return a;
        }
        return secret && value instanceof String s && !s.isEmpty() ? MASK : value;
    }

    /** {@code proposed} with each masked value put back from {@code saved} at the same place. */
    static JsonObject restored(JsonObject proposed, JsonObject saved) {
        return (JsonObject) restore(proposed.copy(), saved);
    }

    private static Object restore(Object value, Object saved) {
        if (MASK.equals(value)) {
            return saved;
        }
        if (value instanceof JsonObject o && saved instanceof JsonObject s) {
            for (String key : o.fieldNames()) {
                o.put(key, restore(o.getValue(key), s.getValue(key)));
            }
        } else if (value instanceof JsonArray a && saved instanceof JsonArray s) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, restore(a.getValue(i), i < s.size() ? s.getValue(i) : null));
            }
        }
        return value;
    }
}
