package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;

/** HTTP routes of {@code /api/v1/upstream}: a downstream's admin links it to its upstream and watches the link. */
public final class UpstreamRoutes {

    private final Upstream upstream;
    private final Blocking blocking;

    UpstreamRoutes(Upstream upstream, Blocking blocking) {
        this.upstream = upstream;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("linkUpstream").addHandler(this::link);
        api.getRoute("getUpstream").addHandler(this::get);
    }

    private void link(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        Replies.reply(ctx, 200, blocking.run(() -> upstream.link(caller, body.getString("url"), body.getString("id"),
                body.getString("key"))));
    }

    private void get(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> upstream.state(caller)));
    }
}
