package vn.loa.server.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Puts the browser protections on every answer (issue 22): a strict Content-Security-Policy (scripts and styles from
 * Loa's own files only, never inline), {@code nosniff}, no referrer, and no framing by other sites, except the board
 * player page {@code /player/...} that a kiosk may show in a frame. No CORS header is sent but on the player's paths,
 * and only to the other members of a cluster (ADR 0049): a player loaded from one member fetches its frames from
 * another when its own dies, and its page may connect to every member. Other sites' pages cannot read the API. Over
 * HTTPS, HSTS: browsers never fall back to plain HTTP for this host.
 *
 * <p>A {@link SecurityPolicyHandler}, so the router runs it before the body and every route. Vert.x's own {@code CSPHandler}
 * and {@code XFrameHandler} cannot leave out one path family, hence one small handler for all.
 */
public final class SecurityHeaders implements SecurityPolicyHandler {

    /** What pages may load: Loa's own files; images and sound also from blobs the page made (previews, snapshots). */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'";
    private static final String PLAYER = "/player/";

    private final Supplier<List<String>> members;

    /** @param members the web addresses of the cluster's members ({@code http://host:port}); none alone */
    public SecurityHeaders(Supplier<List<String>> members) {
        this.members = members;
    }

    @Override
    public void handle(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        if (ctx.request().isSSL()) {
            // A year, as browsers' preload rules ask; sent over HTTPS only, where browsers heed it.
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        if (ctx.normalizedPath().startsWith(PLAYER)) {
            List<String> others = members.get();
            headers.set("Content-Security-Policy", others.isEmpty() ? POLICY : POLICY.replace("connect-src 'self'",
                    "connect-src 'self' " + others.stream().map(m -> m + " " + m.replaceFirst("^http", "ws"))
                            .collect(Collectors.joining(" "))));
            String origin = ctx.request().getHeader("Origin");
            if (origin != null && others.contains(origin)) {
                headers.set("Access-Control-Allow-Origin", origin);
            }
            headers.set("Vary", "Origin");
        } else {
            headers.set("Content-Security-Policy", POLICY + "; frame-ancestors 'none'");
            headers.set("X-Frame-Options", "DENY");
        }
        ctx.next();
    }
}
