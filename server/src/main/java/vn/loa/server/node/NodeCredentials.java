package vn.loa.server.node;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import vn.loa.server.refusal.Refusal;

/**
 * A node's own id and token on an HTTP request (a node agent fetching a file, a stream box pulling its zone, a
 * speaker saying where it is): HTTP Basic, or for players that cannot send it, {@code ?node=&token=}.
 */
public record NodeCredentials(String nodeId, String token) {

    /** The credentials of a request, or null when it carries none that are well-formed. */
    public static NodeCredentials of(HttpServerRequest request, boolean queryToo) {
        String header = request.getHeader("Authorization");
        if (header != null && header.length() < 1024 && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon <= 0 || colon == decoded.length() - 1 ? null
                        : new NodeCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (!queryToo) {
            return null;
        }
        String id = request.getParam("node");
        String token = request.getParam("token");
        return id == null || token == null || id.isEmpty() || token.isEmpty() ? null : new NodeCredentials(id, token);
    }

    /** The token as it is stored. */
    public String tokenHash() {
        return NodeTokens.sha256(token);
    }

    /** The refusal of a request whose node id or token is missing or wrong. */
    public static Refusal unknownNode() {
        return new Refusal(Refusal.Kind.UNAUTHENTICATED,
                "unknown_node", "Mã loa hoặc mã bí mật không đúng (HTTP Basic: mã loa và mã bí mật). "
                + "/ unknown node id or token");
    }
}
