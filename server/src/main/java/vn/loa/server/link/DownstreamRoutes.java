package vn.loa.server.link;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.TextInput;

/** HTTP routes of {@code /api/v1/downstreams}: an upstream's admin registers, lists and unlinks downstream systems. */
public final class DownstreamRoutes {

    private final Downstreams downstreams;
    private final ProvinceTree tree;
    private final Blocking blocking;

    DownstreamRoutes(Downstreams downstreams, ProvinceTree tree, Blocking blocking) {
        this.downstreams = downstreams;
        this.tree = tree;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("createDownstream").addHandler(this::create);
        api.getRoute("listDownstreams").addHandler(this::list);
        api.getRoute("deleteDownstream").addHandler(this::delete);
        api.getRoute("getDownstreamDevices").addHandler(this::devices);
        api.getRoute("rotateDownstreamKey").addHandler(this::rotate);
        api.getRoute("getProvinceDevices").addHandler(this::province);
    }

    /** Every downstream's zones, nodes and boards, mirrored below its zone, a page of downstreams at a time. */
    private void province(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        int offset = number(ctx, "offset", 0);
        int limit = number(ctx, "limit", ProvinceTree.MOST);
        Replies.reply(ctx, 200, blocking.run(() -> tree.page(caller, offset, limit)));
    }

    private static int number(RoutingContext ctx, String name, int otherwise) {
        String value = ctx.queryParams().get(name);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    private void rotate(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body() == null || ctx.body().isEmpty() ? new JsonObject() : ctx.body().asJsonObject();
        Replies.reply(ctx, 200, blocking.run(() -> downstreams.rotate(caller, id, body.getLong("graceSeconds"))));
    }

    private void devices(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() -> downstreams.devices(caller, id)));
    }

    private void create(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String name = TextInput.required(TextInput.name(body.getString("name"), "name"), "name");
        Replies.reply(ctx, 201, blocking.run(() -> downstreams.register(caller, body.getString("id"), name,
                body.getString("zone"))));
    }

    private void list(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> downstreams.list(caller)));
    }

    private void delete(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            downstreams.delete(caller, id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }
}
