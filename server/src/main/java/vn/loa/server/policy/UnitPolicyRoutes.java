package vn.loa.server.policy;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.concurrent.Callable;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/** HTTP routes of {@code /api/v1/zones/{id}/policy}: an admin reads and sets a unit's security policy. */
public final class UnitPolicyRoutes {

    private final UnitPolicies policies;
    private final Blocking blocking;

    public UnitPolicyRoutes(UnitPolicies policies, Blocking blocking) {
        this.policies = policies;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getUnitPolicy").addHandler(ctx -> reply(ctx,
                () -> policies.get(RequestCaller.of(ctx), ctx.pathParam("id"))));
        api.getRoute("setUnitPolicy").addHandler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            boolean totp = body.getBoolean("totpRequired");
            FourEyes eyes = FourEyes.fromWire(body.getString("fourEyes"));
            reply(ctx, () -> policies.set(RequestCaller.of(ctx), ctx.pathParam("id"), totp, eyes));
        });
    }

    private void reply(RoutingContext ctx, Callable<UnitPolicy> work) {
        Replies.reply(ctx, 200, blocking.run(() -> json(ctx.pathParam("id"), work.call())));
    }

    static JsonObject json(String unit, UnitPolicy p) {
        return new JsonObject().put("unit", unit).put("totpRequired", p.totpRequired())
                .put("fourEyes", p.fourEyes().wireName()).put("setAt", p.setAt());
    }
}
