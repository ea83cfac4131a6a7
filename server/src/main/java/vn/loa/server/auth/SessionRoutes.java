package vn.loa.server.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/** HTTP routes of {@code /api/v1/sessions}: an admin sees and ends the sign-in sessions of their unit. */
public final class SessionRoutes {

    private final Sessions sessions;
    private final Blocking blocking;

    public SessionRoutes(Sessions sessions, Blocking blocking) {
        this.sessions = sessions;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listSessions").addHandler(this::list);
        api.getRoute("endSession").addHandler(this::end);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String mine = RequestCaller.sessionId(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(sessions.list(caller).stream()
                .map(s -> json(s, mine)).toList())));
    }

    private void end(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            sessions.endByAdmin(caller, id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static JsonObject json(SessionStore.Row s, String mine) {
        return new JsonObject().put("id", s.id()).put("username", s.username()).put("role", s.role().wireName())
                .put("unit", s.unitId()).put("address", s.address()).put("createdAt", s.createdAt().toString())
                .put("lastSeenAt", s.lastSeenAt().toString()).put("expiresAt", s.expiresAt().toString())
                .put("current", s.id().equals(mine));
    }
}
