package vn.loa.server.node;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Locale;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.server.auth.Authenticator;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.TextInput;

/** HTTP routes of {@code /api/v1/nodes}. */
public final class NodeRoutes {

    private final NodeService service;
    private final Blocking blocking;

    public NodeRoutes(NodeService service, Blocking blocking) {
        this.service = service;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listNodes").addHandler(this::list);
        api.getRoute("createNode").addHandler(this::create);
        api.getRoute("getNode").addHandler(this::get);
        api.getRoute("updateNode").addHandler(this::update);
        api.getRoute("deleteNode").addHandler(this::delete);
    }

    private void list(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(service.list(caller).stream().map(NodeRoutes::json).toList())));
    }

    private void get(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() -> json(service.get(caller, id))));
    }

    private void create(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        Node node = fromBody(ctx.body().asJsonObject(), ctx.body().asJsonObject().getString("id"));
        Replies.reply(ctx, 201, blocking.run(() -> {
            NodeService.Registered registered = service.create(caller, node);
            JsonObject json = json(registered.node());
            return registered.token() == null ? json : json.put("token", registered.token());
        }));
    }

    private void update(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        if (body.containsKey("id") && !id.equals(body.getString("id"))) {
            throw ApiError.badRequest("id_mismatch", "Mã trong nội dung khác mã trên đường dẫn; không thể đổi mã loa.");
        }
        Node node = fromBody(body, id);
        Replies.reply(ctx, 200, blocking.run(() -> json(service.update(caller, node))));
    }

    private void delete(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            service.delete(caller, id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static Node fromBody(JsonObject body, String id) {
        String codec = body.getString("codec");
        return new Node(id,
                TextInput.required(TextInput.plain(body.getString("name")), "name"),
                body.getString("zone"),
                NodeKind.valueOf(body.getString("kind").toUpperCase(Locale.ROOT)),
                body.getString("address"),
                codec == null ? null : codec.toUpperCase(Locale.ROOT));
    }

    static JsonObject json(Node node) {
        return new JsonObject().put("id", node.id()).put("name", node.name()).put("zone", node.zone())
                .put("kind", node.kind().wireName()).put("address", node.address()).put("codec", node.codec());
    }
}
