package vn.loa.server.http;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * Puts the browser protections on every answer (issue 22): a strict Content-Security-Policy (scripts and styles from
 * Loa's own files only, never inline), {@code nosniff}, no referrer, and no framing by other sites, except the board
 * player page {@code /player/...} that a kiosk may show in a frame. No CORS header is ever sent: other sites' pages
 * cannot read the API. Over HTTPS, HSTS: browsers never fall back to plain HTTP for this host.
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
            headers.set("Content-Security-Policy", POLICY);
        } else {
            headers.set("Content-Security-Policy", POLICY + "; frame-ancestors 'none'");
            headers.set("X-Frame-Options", "DENY");
        }
        ctx.next();
    }
}
