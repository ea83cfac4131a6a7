package vn.loa.server.auth;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import vn.loa.server.access.Caller;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * The API's gate: every {@code /api/} request but sign-in and the API description needs a valid bearer token of an open
 * session; the resulting {@link Caller}, with the role and unit the database holds now, is put on the routing context.
 * A session that still owes its second factor reaches only {@code /api/v1/auth/} (ADR 0024).
 */
public final class Authenticator implements Handler<RoutingContext> {

    /** Alerts may come with an API key instead of a token; the alert routes check the key themselves. */
    private static final String KEYED_PATH = "/api/v1/alerts";
    private static final Set<String> OPEN = Set.of(
            "/api/v1/auth/login", "/api/v1/openapi.json", "/api/v1/openapi.yaml",
            // Agents authenticate inside the channel, with their node token; a speaker saying where it is, with its.
            "/api/v1/nodes/control", "/api/v1/nodes/here");
    /** What a session that still owes its second step may reach: enrolment, the code, sign-out. */
    private static final String SIGN_IN_STEPS = "/api/v1/auth/";
    /** Where a user with a generated password changes it, the one route such a session may reach besides sign-in's. */
    private static final String OWN_PASSWORD = "/api/v1/users/me/password";
    /** Linked systems prove themselves by their enrolment key or signature, checked by the link's routes. */
    private static final String LINK = "/api/v1/link/";
    /** Node agents fetch prefetched audio with their node id and token (HTTP Basic), checked by the route. */
    private static final String NODE_FILES = "/api/v1/nodes/prefetch/";

    private final TokenService tokens;
    private final Sessions sessions;
    private final Blocking blocking;

    public Authenticator(TokenService tokens, Sessions sessions, Blocking blocking) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!path.startsWith("/api/") || OPEN.contains(path) || path.startsWith(NODE_FILES)
                || path.startsWith(LINK)) {
            ctx.next();
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        if (header == null && path.equals(KEYED_PATH) && ctx.request().getHeader("X-API-Key") != null) {
            ctx.next();
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 4096) {
            ctx.fail(Refusal.unauthenticated());
            return;
        }
        String address = RequestCaller.address(ctx);
        // The session is read on a worker: hold the body back meanwhile, or the request would end unread before an
        // upload route's body handler runs. Resumed on every outcome, just before the next handler.
        ctx.request().pause();
        tokens.verify(header.substring(7).trim())
                .compose(claims -> {
                    RequestCaller.session(ctx, claims.sessionId());
                    return blocking.run(() -> sessions.caller(claims.sessionId(), claims.username(), address));
                })
                .onSuccess(caller -> {
                    if (caller.factor().pending() != null && !path.startsWith(SIGN_IN_STEPS)
                            && !(caller.factor().pending() == SecondFactor.Pending.PASSWORD
                                    && path.equals(OWN_PASSWORD))) {
                        ctx.request().resume();
                        ctx.fail(secondStepOwed(caller.factor().pending()));
                        return;
                    }
                    RequestCaller.signedIn(ctx, caller);
                    ctx.request().resume();
                    ctx.next();
                })
                .onFailure(e -> {
                    ctx.request().resume();
                    ctx.fail(e);
                });
    }

    private static Refusal secondStepOwed(SecondFactor.Pending pending) {
        if (pending == SecondFactor.Pending.PASSWORD) {
            return new Refusal(Refusal.Kind.UNAUTHENTICATED,
                    "password_change_required", "Mật khẩu này do Loa tạo: hãy đổi mật khẩu "
                    + "(POST /api/v1/users/me/password) trước khi làm việc.");
        }
        return new Refusal(Refusal.Kind.UNAUTHENTICATED, "second_factor_required", pending == SecondFactor.Pending.ENROL
                ? "Đơn vị yêu cầu xác thực hai bước: hãy đăng ký ứng dụng xác thực (POST /api/v1/auth/totp/enrol) "
                        + "trước khi làm việc."
                : "Hãy hoàn tất đăng nhập bằng mã xác thực 6 chữ số (POST /api/v1/auth/totp/verify).");
    }
}
