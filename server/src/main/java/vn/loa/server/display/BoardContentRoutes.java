package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.ScreenRenderer;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import vn.loa.core.model.Board;
import vn.loa.server.access.Caller;
import vn.loa.server.device.DeviceRegistry;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.layout.LayoutCatalog;
import vn.loa.server.layout.LayoutJson;

/**
 * The HTTP routes of a board's content: its playlist, its uploaded media, what it shows now as PNG, and what its
 * player reported showing.
 */
public final class BoardContentRoutes {

    private final BoardContent content;
    private final DeviceRegistry<Board> boards;
    private final BoardScreens screens;
    private final ScreenRenderer renderer;
    private final LayoutCatalog layouts;
    private final Blocking blocking;
    private final Clock clock;

    public BoardContentRoutes(BoardContent content, DeviceRegistry<Board> boards, BoardScreens screens,
            ScreenRenderer renderer, LayoutCatalog layouts, Blocking blocking, Clock clock) {
        this.layouts = layouts;
        this.content = content;
        this.boards = boards;
        this.screens = screens;
        this.renderer = renderer;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getBoardPlaylist").addHandler(this::playlist);
        api.getRoute("replaceBoardPlaylist").addHandler(this::replace);
        api.getRoute("getBoardSnapshot").addHandler(this::snapshot);
        api.getRoute("listBoardPlays").addHandler(this::plays);
        api.getRoute("listBoardLayouts").addHandler(ctx -> Replies.reply(ctx, 200,
                io.vertx.core.Future.succeededFuture(LayoutJson.all(layouts))));
        api.getRoute("setBoardLayout").addHandler(this::setLayout);
        api.getRoute("previewBoardLayout").addHandler(this::preview);
    }

    /**
     * Mounts the upload ahead of the API's own body handler, whose limit is sized for JSON: media get their own
     * limit ({@link BoardContent#MEDIA_LIMIT}) and the same authentication.
     */
    public void mountUpload(Router router, Handler<RoutingContext> authenticator) {
        router.post("/api/v1/boards/:id/media").order(-1)
                .handler(BodyHandler.create(false).setBodyLimit(BoardContent.MEDIA_LIMIT))
                .handler(authenticator)
                .handler(this::upload);
    }

    private void playlist(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        Replies.reply(ctx, 200, blocking.run(() ->
                PlaylistJson.write(content.playlist(caller, id), screens.screen(id).orElseThrow())));
    }

    private void replace(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        var items = PlaylistJson.read(ctx.body().asJsonObject());
        Replies.reply(ctx, 200, blocking.run(() -> PlaylistJson.write(items, content.replace(caller, id, items))));
    }

    private void setLayout(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        String layout = ctx.body().asJsonObject().getString("layout");
        Replies.reply(ctx, 200, blocking.run(() -> {
            content.layout(caller, id, layout);
            return new JsonObject().put("board", id).put("layout", layout);
        }));
    }

    private void snapshot(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        blocking.run(() -> {
            boards.get(caller, id);
            Screen screen = screens.screen(id).orElseThrow();
            return renderer.png(renderer.now(screen, clock.instant()));
        }).onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png")
                .putHeader("Cache-Control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(png)))
                .onFailure(ctx::fail);
    }

    /**
     * A layout being edited, not saved, drawn with what the board plays now: the editor's preview. Nothing is stored;
     * the banner and overlay are left off so the regions show.
     */
    private void preview(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        JsonObject body = ctx.body().asJsonObject();
        blocking.run(() -> {
            vn.loa.display.layout.Layout draft = vn.loa.server.layout.LayoutJson.read(body,
                    body.getString("name") == null ? "ban-nhap" : null);
            boards.get(caller, id);
            Screen s = screens.screen(id).orElseThrow();
            try {
                vn.loa.display.layout.Layouts.fit(draft, s.profile());
            } catch (IllegalArgumentException e) {
                throw vn.loa.server.refusal.Refusal.invalid("invalid_layout", "Không dùng được bố cục này: "
                        + e.getMessage(), "regions");
            }
            java.time.Instant now = clock.instant();
            Screen.Entry e = s.entryAt(now);
            Screen drawn = new Screen(s.board(), s.profile(), s.zonePath(), s.entries(), null, s.version(), draft,
                    s.ticker(), java.util.List.of(), null, java.util.List.of(), s.regions());
            // Paged for the region it was planned for: the first page stands for the item in the draft's region.
            return renderer.png(renderer.frame(drawn, e == null ? null : new Screen.Entry(e.item(), 0, 1, e.seconds()), now));
        }).onSuccess(png -> ctx.response().putHeader("Content-Type", "image/png")
                .putHeader("Cache-Control", "no-store").end(io.vertx.core.buffer.Buffer.buffer(png)))
                .onFailure(ctx::fail);
    }

    private void plays(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        int limit = Integer.parseInt(ctx.queryParam("limit").stream().findFirst().orElse("100"));
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(content.plays(caller, id, limit).stream()
                .map(p -> new JsonObject().put("item", p.itemId()).put("kind", p.kind())
                        .put("shownAt", p.shownAt().toString()).put("millis", p.millis()))
                .toList())));
    }

    private void upload(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String id = ctx.pathParam("id");
        String type = ctx.request().getHeader("Content-Type");
        String name = ctx.request().getHeader("X-File-Name");
        byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        Replies.reply(ctx, 201, blocking.run(() -> {
            var m = content.upload(caller, id, type, name, bytes);
            return new JsonObject().put("mediaId", m.id()).put("kind", m.kind().name()).put("width", m.width())
                    .put("height", m.height()).put("bytes", m.sizeBytes());
        }));
    }
}
