package vn.loa.plugin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request to {@code /api/v1/plugins/{name}/...}, after Loa has signed the caller in.
 *
 * @param method the HTTP method, upper case
 * @param path   the rest of the path after the plugin's name, starting with {@code /} ({@code /} for the root)
 * @param query  query parameters
 * @param contentType the request's content type, or null
 * @param body   the request body (empty when none)
 * @param user   the signed-in user's name
 * @param role   their role ({@code clerk}, {@code approver}, {@code technician}, {@code admin})
 * @param unit   the caller's unit (SPI 1.1): Loa passed the request to the plugin's configuration that applies there;
 *               a plugin answers with what belongs to this unit and below, and acts only on that
 */
public record PluginRequest(String method, String path, Map<String, List<String>> query, String contentType,
        byte[] body, String user, String role, Unit unit) {

    public PluginRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A request without a unit (the shape of SPI 1.0, kept for source compatibility; Loa always sets the unit). */
    public PluginRequest(String method, String path, Map<String, List<String>> query, String contentType,
            byte[] body, String user, String role) {
        this(method, path, query, contentType, body, user, role, null);
    }

    /** True when what belongs to {@code owner} may be shown to, or changed by, this caller (always without a unit). */
    public boolean mayReach(Unit owner) {
        return unit == null || unit.covers(owner);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
