package vn.loa.server.layout;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/** The HTTP routes of layouts ({@code /api/v1/layouts}): templates and custom layouts listed, custom ones edited. */
public final class LayoutRoutes {

    private final LayoutCatalog catalog;
    private final Blocking blocking;

    public LayoutRoutes(LayoutCatalog catalog, Blocking blocking) {
        this.catalog = catalog;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listLayouts").addHandler(ctx -> Replies.reply(ctx, 200,
                io.vertx.core.Future.succeededFuture(LayoutJson.all(catalog))));
        api.getRoute("createLayout").addHandler(ctx -> save(ctx, true));
        api.getRoute("updateLayout").addHandler(ctx -> save(ctx, false));
        api.getRoute("deleteLayout").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            blocking.run(() -> {
                catalog.delete(caller, ctx.pathParam("name"));
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
    }

    private void save(RoutingContext ctx, boolean create) {
        Caller caller = RequestCaller.of(ctx);
        var layout = LayoutJson.read(ctx.body().asJsonObject(), create ? null : ctx.pathParam("name"));
        Replies.reply(ctx, create ? 201 : 200, blocking.run(() -> LayoutJson.write(catalog.save(caller, layout, create))));
    }
}
