package vn.loa.server.plugin;

import vn.loa.server.refusal.Refusal;
import vn.loa.server.secret.SecretCipher;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Which of a plugin's settings are secrets, and what Loa does with them: a value is secret when the plugin's settings
 * schema marks it (or an object or array around it) {@code "writeOnly": true}, or when its key names a password,
 * secret or token (for plugins without a schema). Secrets are shown as {@link #MASK}, sealed with a
 * {@link SecretCipher} before they are stored, and a mask a client sends back keeps the saved value. Immutable.
 */
final class SecretSettings {

    static final String MASK = "********";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|apikey|api_key).*");

    private final JsonObject schema;

    private SecretSettings(JsonObject schema) {
        this.schema = schema;
    }

    /** The secrets {@code schemaText} (a JSON Schema, or null) marks; a schema that is not JSON marks none. */
    static SecretSettings of(String schemaText) {
        if (schemaText == null || schemaText.isBlank()) {
            return new SecretSettings(new JsonObject());
        }
        try {
            return new SecretSettings(new JsonObject(schemaText));
        } catch (DecodeException e) {
            return new SecretSettings(new JsonObject());
        }
    }

    /** A copy with every secret that is set replaced by the mask. */
    JsonObject masked(JsonObject settings) {
        Object marked = walk(settings.copy(), schema, false, v -> v == null || "".equals(v) ? v : MASK);
        // A value sealed under an older schema is masked too.
        return (JsonObject) walk(marked, null, true, v -> SecretCipher.isSealed(v) ? MASK : v);
    }

    /**
     * A copy with every secret sealed (JSON-encoded, then encrypted); values sealed already, and empty ones (nothing
     * to hide, and shown as empty), stay as they are.
     */
    JsonObject sealed(JsonObject settings, SecretCipher cipher) {
        return (JsonObject) walk(settings.copy(), schema, false,
                v -> v == null || "".equals(v) || SecretCipher.isSealed(v) ? v : cipher.seal(Json.encode(v)));
    }

    /** A copy with every sealed value opened, wherever it is (a schema that changed strands nothing). */
    static JsonObject opened(JsonObject settings, SecretCipher cipher) {
        return (JsonObject) walk(settings.copy(), null, true,
                v -> SecretCipher.isSealed(v) ? Json.decodeValue(cipher.open((String) v)) : v);
    }

    /**
     * {@code proposed} with each mask put back from {@code saved} (the same unit's saved settings) at the same place;
     * a mask with nothing saved there is a 400: a secret is never taken from another unit's settings.
     */
    static JsonObject restored(JsonObject proposed, JsonObject saved) {
        return (JsonObject) restore(proposed.copy(), saved, "settings");
    }

    private static Object restore(Object value, Object saved, String where) {
        if (MASK.equals(value)) {
            if (saved == null || MASK.equals(saved)) {
                throw Refusal.invalid("secret_missing", "'" + where + "' là bí mật chưa lưu ở đơn vị này; hãy nhập "
                        + "giá trị thật thay cho " + MASK + ".");
            }
            return saved;
        }
        if (value instanceof JsonObject o) {
            JsonObject s = saved instanceof JsonObject so ? so : new JsonObject();
            for (String key : o.fieldNames()) {
                o.put(key, restore(o.getValue(key), s.getValue(key), where + "." + key));
            }
        } else if (value instanceof JsonArray a) {
            JsonArray s = saved instanceof JsonArray sa ? sa : new JsonArray();
            for (int i = 0; i < a.size(); i++) {
                a.set(i, restore(a.getValue(i), i < s.size() ? s.getValue(i) : null, where + "[" + i + "]"));
            }
        }
        return value;
    }

    /**
     * Applies {@code secretOp} to each secret leaf (or, with {@code all}, to every leaf) of {@code value}, whose
     * schema is {@code node} (empty when unknown), in place.
     */
    private static Object walk(Object value, JsonObject node, boolean secret, UnaryOperator<Object> secretOp) {
        if (value instanceof JsonObject o) {
            for (String key : o.fieldNames()) {
                JsonObject child = child(node, key);
                o.put(key, walk(o.getValue(key), child, secret || marked(child) || node != null
                        && SECRET.matcher(key).matches(), secretOp));
            }
            return o;
        }
        if (value instanceof JsonArray a) {
            JsonObject items = node == null ? null : object(node.getValue("items"));
            for (int i = 0; i < a.size(); i++) {
                a.set(i, walk(a.getValue(i), items, secret || marked(items), secretOp));
            }
            return a;
        }
        return secret ? secretOp.apply(value) : value;
    }

    private static JsonObject child(JsonObject node, String key) {
        if (node == null) {
            return null;
        }
        JsonObject properties = object(node.getValue("properties"));
        JsonObject own = properties == null ? null : object(properties.getValue(key));
        if (own != null) {
            return own;
        }
        JsonObject additional = object(node.getValue("additionalProperties"));
        return additional != null ? additional : new JsonObject();
    }

    private static boolean marked(JsonObject node) {
        return node != null && Boolean.TRUE.equals(node.getValue("writeOnly"));
    }

    private static JsonObject object(Object v) {
        return v instanceof JsonObject o ? o : null;
    }
}
