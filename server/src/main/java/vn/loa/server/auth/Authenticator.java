package vn.loa.server.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import vn.loa.server.http.ApiError;

/**
 * The API's gate: every {@code /api/} request but sign-in and the API description needs a valid bearer token; the
 * resulting {@link Caller} is put on the routing context for the routes.
 */
public final class Authenticator implements Handler<RoutingContext> {

    /** Where the signed-in caller is kept on the routing context. */
    public static final String CALLER_KEY = "loa.caller";
    private static final String KEY = CALLER_KEY;
    /** Alerts may come with an API key instead of a token; the alert routes check the key themselves. */
    private static final String KEYED_PATH = "/api/v1/alerts";
    private static final Set<String> OPEN = Set.of(
            "/api/v1/auth/login", "/api/v1/openapi.json", "/api/v1/openapi.yaml",
            // Agents authenticate inside the channel, with their node token.
            "/api/v1/nodes/control");
    /** Node agents fetch prefetched audio with their node id and token (HTTP Basic), checked by the route. */
    private static final String NODE_FILES = "/api/v1/nodes/prefetch/";

    private final TokenService tokens;

    public Authenticator(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/api/") || OPEN.contains(path) || path.startsWith(NODE_FILES)) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null && path.equals(KEYED_PATH) && ctx.request().getHeader("X-API-Key") != null) {
            ctx.next();
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 4096) {
            ctx.fail(ApiError.unauthorized());
            return;
        }
        tokens.verify(header.substring(7).trim(), clientAddress(ctx))
                .onSuccess(caller -> {
                    ctx.put(KEY, caller);
                    ctx.next();
                })
                .onFailure(ctx::fail);
    }

    /** The signed-in caller of a request that passed this gate. */
    public static Caller caller(RoutingContext ctx) {
        Caller caller = ctx.get(KEY);
        if (caller == null) {
            throw ApiError.unauthorized();
        }
        return caller;
    }

    /** The client's address as this server sees it (no proxy headers are trusted). */
    public static String clientAddress(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }
}
