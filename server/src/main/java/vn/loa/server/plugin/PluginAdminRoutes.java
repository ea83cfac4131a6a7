package vn.loa.server.plugin;

import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/**
 * HTTP routes of {@code /api/v1/plugins} and {@code /api/v1/plugins/{name}}: list, show, enable and configure, and
 * drop a unit's own settings.
 */
final class PluginAdminRoutes {

    private final PluginAdmin admin;

    PluginAdminRoutes(PluginAdmin admin) {
        this.admin = admin;
    }

    void mount(RouterBuilder api) {
        api.getRoute("listPlugins").addHandler(this::list);
        api.getRoute("getPlugin").addHandler(this::get);
        api.getRoute("configurePlugin").addHandler(this::configure);
        api.getRoute("removePluginSettings").addHandler(this::remove);
    }

    private void list(RoutingContext ctx) {
        Replies.reply(ctx, 200, admin.list(RequestCaller.of(ctx)).map(JsonArray::new));
    }

    private void get(RoutingContext ctx) {
        Replies.reply(ctx, 200, admin.get(RequestCaller.of(ctx), ctx.pathParam("name")));
    }

    private void remove(RoutingContext ctx) {
        Replies.reply(ctx, 200, admin.remove(RequestCaller.of(ctx), ctx.pathParam("name")));
    }

    private void configure(RoutingContext ctx) {
        Replies.reply(ctx, 200, admin.configure(RequestCaller.of(ctx), ctx.pathParam("name"),
                ctx.body().asJsonObject()));
    }
}
