package vn.loa.server.http;

import io.vertx.ext.web.RoutingContext;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * The signed-in caller of a request, as the API's gate ({@code auth.Authenticator}) left it on the routing context,
 * and the session and client address that came with it.
 *
 * <p>Here, not in {@code auth}, so that routes of every resource can read the caller without depending on sign-in.
 */
public final class RequestCaller {

    private static final String CALLER_KEY = "loa.caller";
    private static final String SESSION_KEY = "loa.session";

    private RequestCaller() {
    }

    /** The signed-in caller of a request that passed the gate; 401 otherwise. */
    public static Caller of(RoutingContext ctx) {
        Caller caller = ctx.get(CALLER_KEY);
        if (caller == null) {
            throw Refusal.unauthenticated();
        }
        return caller;
    }

    /** The signed-in caller, or null for a request that came without a bearer token (an alert with an API key). */
    public static Caller orNull(RoutingContext ctx) {
        return ctx.get(CALLER_KEY);
    }

    /** The id of the session the request's token belongs to; 401 when there is none. */
    public static String sessionId(RoutingContext ctx) {
        String id = ctx.get(SESSION_KEY);
        if (id == null) {
            throw Refusal.unauthenticated();
        }
        return id;
    }

    /** The client's address as this server sees it (no proxy headers are trusted). */
    public static String address(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    /** Called by the gate once the token is checked: the session the token names. */
    public static void session(RoutingContext ctx, String sessionId) {
        ctx.put(SESSION_KEY, sessionId);
    }

    /** Called by the gate once the session is found open: who is asking. */
    public static void signedIn(RoutingContext ctx, Caller caller) {
        ctx.put(CALLER_KEY, caller);
    }
}
