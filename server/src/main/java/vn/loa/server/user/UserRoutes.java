package vn.loa.server.user;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Role;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.TextInput;

/** HTTP routes of {@code /api/v1/users}. */
public final class UserRoutes {

    private final UserService service;
    private final Blocking blocking;

    public UserRoutes(UserService service, Blocking blocking) {
        this.service = service;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listUsers").addHandler(this::list);
        api.getRoute("createUser").addHandler(this::create);
        api.getRoute("currentUser").addHandler(this::me);
        api.getRoute("updateUser").addHandler(this::update);
        api.getRoute("changeOwnPassword").addHandler(this::changePassword);
    }

    private void list(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(service.list(caller).stream().map(UserRoutes::json).toList())));
    }

    private void me(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> json(service.me(caller))));
    }

    private void create(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String username = body.getString("username");
        String displayName = TextInput.name(body.getString("displayName", username), "displayName");
        Role role = Role.fromWire(body.getString("role"));
        String unit = body.getString("unit");
        String password = body.getString("password");
        Replies.reply(ctx, 201, blocking.run(() ->
                json(service.create(caller, username, displayName.isBlank() ? username : displayName, role, unit, password))));
    }

    private void update(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        String username = ctx.pathParam("username");
        JsonObject body = ctx.body().asJsonObject();
        String role = body.getString("role");
        String displayName = TextInput.name(body.getString("displayName"), "displayName");
        var change = new UserService.Change(displayName == null || displayName.isBlank() ? null : displayName,
                role == null ? null : Role.fromWire(role), body.getString("unit"), body.getBoolean("enabled"),
                body.getString("password"));
        Replies.reply(ctx, 200, blocking.run(() -> json(service.update(caller, username, change))));
    }

    private void changePassword(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String current = body.getString("currentPassword");
        String next = body.getString("newPassword");
        String session = RequestCaller.sessionId(ctx);
        blocking.run(() -> {
            service.changeOwnPassword(caller, session, current, next);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    public static JsonObject json(User user) {
        return new JsonObject().put("username", user.username()).put("displayName", user.displayName())
                .put("role", user.role().wireName()).put("unit", user.unitId()).put("enabled", user.enabled());
    }
}
