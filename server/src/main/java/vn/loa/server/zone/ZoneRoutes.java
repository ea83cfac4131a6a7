package vn.loa.server.zone;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.core.model.Zone;
import vn.loa.server.auth.Authenticator;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.TextInput;

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
    }

    private void list(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(service.list(caller).stream().map(ZoneRoutes::json).toList())));
    }

    private void get(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() -> json(service.get(caller, id))));
    }

    private void create(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String id = body.getString("id");
        String name = TextInput.required(TextInput.plain(body.getString("name")), "name");
        String parent = body.getString("parent");
        Replies.reply(ctx, 201, blocking.run(() -> json(service.create(caller, id, name, parent))));
    }

    static JsonObject json(Zone zone) {
        return new JsonObject().put("id", zone.id()).put("name", zone.name()).put("parent", zone.parent())
                .put("path", zone.path());
    }
}
