package vn.loa.server.board;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.server.auth.Authenticator;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.TextInput;

/** HTTP routes of {@code /api/v1/boards}. */
public final class BoardRoutes {

    private final BoardService service;
    private final Blocking blocking;

    public BoardRoutes(BoardService service, Blocking blocking) {
        this.service = service;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listBoards").addHandler(this::list);
        api.getRoute("createBoard").addHandler(this::create);
        api.getRoute("getBoard").addHandler(this::get);
        api.getRoute("updateBoard").addHandler(this::update);
        api.getRoute("deleteBoard").addHandler(this::delete);
    }

    private void list(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(service.list(caller).stream().map(BoardRoutes::json).toList())));
    }

    private void get(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() -> json(service.get(caller, id))));
    }

    private void create(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        JsonObject body = ctx.body().asJsonObject();
        Board board = fromBody(body, body.getString("id"));
        Replies.reply(ctx, 201, blocking.run(() -> json(service.create(caller, board))));
    }

    private void update(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        if (body.containsKey("id") && !id.equals(body.getString("id"))) {
            throw ApiError.badRequest("id_mismatch", "Mã trong nội dung khác mã trên đường dẫn; không thể đổi mã bảng tin.");
        }
        Board board = fromBody(body, id);
        Replies.reply(ctx, 200, blocking.run(() -> json(service.update(caller, board))));
    }

    private void delete(RoutingContext ctx) {
        var caller = Authenticator.caller(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            service.delete(caller, id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static Board fromBody(JsonObject body, String id) {
        return new Board(id,
                TextInput.required(TextInput.plain(body.getString("name")), "name"),
                body.getString("zone"),
                BoardKind.valueOf(body.getString("kind")),
                body.getInteger("width"),
                body.getInteger("height"),
                body.getString("driver"));
    }

    static JsonObject json(Board board) {
        return new JsonObject().put("id", board.id()).put("name", board.name()).put("zone", board.zone())
                .put("kind", board.kind().name()).put("width", board.width()).put("height", board.height())
                .put("driver", board.driver());
    }
}
