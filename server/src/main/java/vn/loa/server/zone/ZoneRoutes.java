package vn.loa.server.zone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.core.model.Zone;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/** HTTP routes of {@code /api/v1/zones}. */
public final class ZoneRoutes {

    private final ZoneService service;
    private final Blocking blocking;

    public ZoneRoutes(ZoneService service, Blocking blocking) {
        this.service = service;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listZones").addHandler(this::list);
        api.getRoute("createZone").addHandler(this::create);
        api.getRoute("getZone").addHandler(this::get);
        api.getRoute("updateZone").addHandler(this::update);
        api.getRoute("deleteZone").addHandler(this::delete);
    }

    private void list(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(service.list(caller).stream().map(ZoneRoutes::json).toList())));
    }

    private void get(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() -> json(service.get(caller, id))));
    }

    private void create(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String id = body.getString("id");
        String name = TextInput.required(TextInput.name(body.getString("name"), "name"), "name");
        String parent = body.getString("parent");
        String multicast = body.getString("multicast");
        Replies.reply(ctx, 201, blocking.run(() -> json(service.create(caller, id, name, parent, multicast))));
    }

    private void update(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        if (body.containsKey("id") && !id.equals(body.getString("id"))) {
            throw Refusal.invalid("id_mismatch",
                    "Mã trong nội dung khác mã trên đường dẫn; không thể đổi mã khu vực.");
        }
        String name = TextInput.required(TextInput.name(body.getString("name"), "name"), "name");
        String multicast = body.getString("multicast");
        Replies.reply(ctx, 200, blocking.run(() -> json(service.update(caller, id, name, multicast))));
    }

    private void delete(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            service.delete(caller, id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    static JsonObject json(Zone zone) {
        return new JsonObject().put("id", zone.id()).put("name", zone.name()).put("parent", zone.parent())
                .put("path", zone.path()).put("multicast", zone.multicast());
    }
}
