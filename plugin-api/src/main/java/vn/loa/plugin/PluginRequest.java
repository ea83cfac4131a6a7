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
 */
public record PluginRequest(String method, String path, Map<String, List<String>> query, String contentType,
        byte[] body, String user, String role) {

    public PluginRequest {
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
