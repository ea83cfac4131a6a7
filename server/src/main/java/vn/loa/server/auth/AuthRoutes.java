package vn.loa.server.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.user.UserRoutes;

/** HTTP routes of {@code /api/v1/auth}: sign-in and sign-out. */
public final class AuthRoutes {

    private final SignIn signIn;
    private final Sessions sessions;
    private final Blocking blocking;

    public AuthRoutes(SignIn signIn, Sessions sessions, Blocking blocking) {
        this.signIn = signIn;
        this.sessions = sessions;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("login").addHandler(this::login);
        api.getRoute("logout").addHandler(this::logout);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String username = body.getString("username");
        String password = body.getString("password");
        String address = RequestCaller.address(ctx);
        signIn.signIn(username, password, address)
                .onSuccess(session -> {
                    JsonObject reply = new JsonObject().put("token", session.token())
                            .put("expiresIn", session.expiresIn()).put("user", UserRoutes.json(session.user()));
                    if (session.pending() != null) { // the token works only for the second step until it is done
                        reply.put("pending", session.pending().wireName());
                    }
                    Replies.json(ctx, 200, reply);
                })
                .onFailure(e -> {
                    if (e instanceof SignIn.TooManyAttempts tooMany) {
                        ctx.response().putHeader("Retry-After", String.valueOf(tooMany.retryAfterSeconds()));
                        ctx.fail(new Refusal(Refusal.Kind.TOO_MANY,
                                "too_many_attempts", "Đăng nhập sai quá nhiều lần. Hãy thử lại sau "
                                + tooMany.retryAfterSeconds() + " giây."));
                    } else if (e instanceof PasswordQueue.Full) {
                        ctx.response().putHeader("Retry-After", "2");
                        ctx.fail(new Refusal(Refusal.Kind.UNAVAILABLE,
                                "busy", "Máy chủ đang bận kiểm tra đăng nhập. Hãy thử lại sau ít giây."));
                    } else {
                        ctx.fail(e);
                    }
                });
    }

    private void logout(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String session = RequestCaller.sessionId(ctx);
        blocking.run(() -> {
            sessions.logout(caller, session);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }
}
