package vn.loa.server.display;

import vn.loa.display.screen.ScreenRenderer;
import vn.loa.display.screen.MediaStore;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import vn.loa.server.http.Blocking;

/**
 * The pages and files a board's kiosk browser loads, without sign-in: {@code /player/{boardId}} (the player page),
 * its frames as PNG, its banner, and its videos. The page's script and style are static files under
 * {@code /player/assets/}.
 */
public final class PlayerRoutes {

    private final BoardScreens screens;
    private final ScreenRenderer renderer;
    private final MediaStore store;
    private final Blocking blocking;
    private final java.time.Clock clock;

    public PlayerRoutes(BoardScreens screens, ScreenRenderer renderer, MediaStore store, Blocking blocking,
            java.time.Clock clock) {
        this.clock = clock;
        this.screens = screens;
        this.renderer = renderer;
        this.store = store;
        this.blocking = blocking;
    }

    public void mount(Router router) {
        router.get("/player/:board").handler(this::page);
        router.get("/player/:board/frames/:frame").handler(this::frame);
        router.get("/player/:board/regions/:region/:frame").handler(this::region);
        router.get("/player/:board/banner.png").handler(this::banner);
        router.get("/player/:board/overlay.png").handler(this::overlay);
        router.get("/player/:board/media/:file").handler(this::video);
    }

    private void page(RoutingContext ctx) {
        String id = ctx.pathParam("board");
        if (id.equals("assets")) {
            ctx.next();
            return;
        }
        blocking.run(() -> screens.screen(id).isPresent()).onSuccess(known -> {
            if (known) {
                ctx.response().putHeader("Cache-Control", "no-cache").sendFile("webroot/player/index.html");
            } else {
                ctx.response().setStatusCode(404).putHeader("Content-Type", "text/html; charset=utf-8")
                        .end("<!doctype html><meta charset=utf-8><title>Không có bảng tin</title>"
                                + "<p>Không có bảng tin mang mã này. Kiểm tra lại địa chỉ trình chiếu.</p>");
            }
        }).onFailure(ctx::fail);
    }

    private void frame(RoutingContext ctx) {
        String id = ctx.pathParam("board");
        String[] named = itemAndPage(ctx);
        if (named == null) {
            return;
        }
        java.time.Instant at = minute(ctx);
        if (named[0].equals("idle")) {
            png(ctx, () -> screens.screen(id).map(s -> renderer.frame(s, null, at)).orElse(null));
            return;
        }
        java.time.Instant from = from(ctx);
        png(ctx, () -> screens.screen(id).map(s -> from == null ? s : s.at(from))
                .flatMap(s -> java.util.stream.Stream.concat(s.entries().stream(),
                        s.interrupts().stream().map(vn.loa.display.screen.Screen.Slot::entry))
                .filter(e -> named(e, named)).findFirst()
                .map(e -> renderer.frame(s, e, at))).orElse(null));
    }

    /** A further playlist region's entry, at that region's size as it lies on the panel. */
    private void region(RoutingContext ctx) {
        String id = ctx.pathParam("board");
        String region = ctx.pathParam("region");
        String[] named = itemAndPage(ctx);
        if (named == null) {
            return;
        }
        java.time.Instant from = from(ctx);
        png(ctx, () -> screens.screen(id).map(s -> from == null ? s : s.at(from))
                .flatMap(s -> s.regions().getOrDefault(region, java.util.List.of()).stream()
                        .filter(e -> named(e, named)).findFirst()
                        .map(e -> renderer.regionOnPanel(s, region, e))).orElse(null));
    }

    /** The item and page a frame's file name {@code <item>-<page>.png} names; null (answered 404) for another name. */
    private static String[] itemAndPage(RoutingContext ctx) {
        String frame = ctx.pathParam("frame");
        int dash = frame.lastIndexOf('-');
        if (dash < 1 || !frame.endsWith(".png")) {
            ctx.fail(404);
            return null;
        }
        return new String[] {frame.substring(0, dash), frame.substring(dash + 1, frame.length() - 4)};
    }

    private static boolean named(vn.loa.display.screen.Screen.Entry e, String[] itemAndPage) {
        return e.item().id().equals(itemAndPage[0]) && String.valueOf(e.page()).equals(itemAndPage[1]);
    }

    /**
     * The minute a frame is drawn for: {@code ?at=} (epoch minutes, sent for layouts with a clock) within a day of
     * now, else now; a player without a key cannot make the server draw any minute it likes.
     */
    private java.time.Instant minute(RoutingContext ctx) {
        java.time.Instant now = clock.instant();
        String at = ctx.request().getParam("at");
        if (at != null && at.matches("[0-9]{1,12}")) {
            java.time.Instant asked = java.time.Instant.ofEpochSecond(Long.parseLong(at) * 60);
            if (java.time.Duration.between(now, asked).abs().compareTo(java.time.Duration.ofDays(1)) <= 0) {
                return asked;
            }
        }
        return now;
    }

    /** {@code ?from=} (epoch ms): a frame of the schedule ahead, drawn as the board will show it from then. */
    private static java.time.Instant from(RoutingContext ctx) {
        String from = ctx.request().getParam("from");
        return from != null && from.matches("[0-9]{1,15}") ? java.time.Instant.ofEpochMilli(Long.parseLong(from)) : null;
    }

    private void banner(RoutingContext ctx) {
        String id = ctx.pathParam("board");
        png(ctx, () -> screens.screen(id).filter(s -> s.banner() != null)
                .map(s -> renderer.banner(s.profile(), s.banner())).orElse(null));
    }

    private void overlay(RoutingContext ctx) {
        String id = ctx.pathParam("board");
        java.time.Instant from = from(ctx);
        png(ctx, () -> screens.screen(id).map(s -> from == null ? s : s.at(from)).filter(s -> s.overlay() != null)
                .map(s -> renderer.overlay(s.profile(), s.overlay())).orElse(null));
    }

    private void png(RoutingContext ctx, java.util.concurrent.Callable<java.awt.image.BufferedImage> draw) {
        blocking.run(() -> {
            var image = draw.call();
            return image == null ? null : renderer.png(image);
        }).onSuccess(png -> {
            if (png == null) {
                ctx.fail(404);
            } else {
                ctx.response().putHeader("Content-Type", "image/png").putHeader("Cache-Control", "max-age=86400")
                        .end(Buffer.buffer(png));
            }
        }).onFailure(ctx::fail);
    }

    private void video(RoutingContext ctx) {
        String id = ctx.pathParam("board");
        String file = ctx.pathParam("file");
        if (!file.matches("m-[0-9a-f-]{36}\\.webm")) {
            ctx.fail(404);
            return;
        }
        String mediaId = file.substring(0, file.length() - 5);
        blocking.run(() -> screens.screen(id).map(s -> s.entries().stream()
                .anyMatch(e -> mediaId.equals(e.item().mediaId()))).orElse(false)
                && Files.isRegularFile(store.video(mediaId))).onSuccess(ok -> {
                    if (ok) {
                        ctx.response().putHeader("Content-Type", "video/webm").sendFile(store.video(mediaId).toString());
                    } else {
                        ctx.fail(404);
                    }
                }).onFailure(ctx::fail);
    }
}
