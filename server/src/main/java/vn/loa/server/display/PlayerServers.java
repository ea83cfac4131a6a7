package vn.loa.server.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.function.Supplier;

/**
 * The servers a board's player may move to (ADR 0049): {@code GET /player/{boardId}/servers} answers the web addresses
 * of the cluster's members ({@code {"servers":["http://10.0.0.2:8080",...]}}; none alone). The player keeps the list
 * and connects to the next member when its own stops answering. No sign-in, as for the player's page.
 */
public final class PlayerServers {

    private final Supplier<List<String>> members;

    public PlayerServers(Supplier<List<String>> members) {
        this.members = members;
    }

    public void mount(Router router) {
        router.get("/player/:board/servers").handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json; charset=utf-8").putHeader("Cache-Control", "no-cache")
                .end(new JsonObject().put("servers", new JsonArray(members.get())).encode()));
    }
}
