package vn.loa.server.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/**
 * HTTP routes of {@code /api/v1/auth/totp}: enrol, confirm, prove a code (sign-in's second step or a step-up), see
 * and turn off one's second factor; and an admin's {@code DELETE /api/v1/users/{username}/totp}.
 */
public final class SecondFactorRoutes {

    private final SecondFactors factors;
    private final StepUp stepUp;
    private final Blocking blocking;

    public SecondFactorRoutes(SecondFactors factors, StepUp stepUp, Blocking blocking) {
        this.factors = factors;
        this.stepUp = stepUp;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getTotp").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> json(factors.status(caller))));
        });
        api.getRoute("enrolTotp").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> {
                SecondFactors.Enrolment e = factors.enrol(caller);
                return new JsonObject().put("secret", e.secret()).put("uri", e.uri()).put("qr", e.qr());
            }));
        });
        api.getRoute("confirmTotp").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String session = RequestCaller.sessionId(ctx);
            String code = ctx.body().asJsonObject().getString("code");
            Replies.reply(ctx, 200, blocking.run(() -> new JsonObject()
                    .put("recoveryCodes", new JsonArray(factors.confirm(caller, session, code)))));
        });
        api.getRoute("verifyTotp").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String session = RequestCaller.sessionId(ctx);
            String code = ctx.body().asJsonObject().getString("code");
            Replies.reply(ctx, 200, blocking.run(() -> {
                SecondFactors.Proof p = factors.verify(caller, session, code);
                return new JsonObject().put("recoveryCode", p.recoveryCode())
                        .put("recoveryCodesLeft", p.recoveryCodesLeft());
            }));
        });
        api.getRoute("disableTotp").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            noContent(ctx, () -> factors.disable(caller, stepUp));
        });
        api.getRoute("resetUserTotp").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String username = ctx.pathParam("username");
            noContent(ctx, () -> factors.reset(caller, username));
        });
    }

    private void noContent(RoutingContext ctx, Runnable work) {
        blocking.run(() -> {
            work.run();
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static JsonObject json(SecondFactors.Status s) {
        return new JsonObject().put("enrolled", s.enrolled()).put("required", s.required())
                .put("recoveryCodesLeft", s.recoveryCodesLeft())
                .put("provedAt", s.provedAt() == null ? null : s.provedAt().toString())
                .put("pending", s.pending() == null ? null : s.pending().wireName());
    }
}
