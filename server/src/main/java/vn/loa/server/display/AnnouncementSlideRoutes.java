package vn.loa.server.display;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * The HTTP routes of an announcement's pictures: {@code POST /api/v1/announcements/{id}/slides} (the raw PNG or JPEG,
 * ahead of the API's JSON body limit), the list, one picture's bytes for a thumbnail, and taking one off.
 */
final class AnnouncementSlideRoutes {

    private final AnnouncementSlides slides;
    private final Blocking blocking;

    AnnouncementSlideRoutes(AnnouncementSlides slides, Blocking blocking) {
        this.slides = slides;
        this.blocking = blocking;
    }

    void mount(RouterBuilder api) {
        api.getRoute("listAnnouncementSlides").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = id(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(slides.list(caller, id).stream()
                    .map(AnnouncementSlideRoutes::json).toList())));
        });
        api.getRoute("getAnnouncementSlide").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = id(ctx);
            String sha = ctx.pathParam("sha256");
            blocking.run(() -> slides.picture(caller, id, sha)).onSuccess(p -> ctx.response()
                    .putHeader("Content-Type", p.type()).putHeader("Cache-Control", "private, max-age=86400")
                    .sendFile(slides.file(p.sha256()).toString()))
                    .onFailure(ctx::fail);
        });
        api.getRoute("deleteAnnouncementSlide").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = id(ctx);
            String sha = ctx.pathParam("sha256");
            blocking.run(() -> {
                slides.remove(caller, id, sha);
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
    }

    /** The upload, with its own body limit ({@link AnnouncementSlides#LIMIT}) and the same authentication. */
    void mountUpload(Router router, Handler<RoutingContext> authenticator) {
        router.post("/api/v1/announcements/:id/slides").order(-1)
                .handler(BodyHandler.create(false).setBodyLimit(AnnouncementSlides.LIMIT))
                .handler(authenticator)
                .handler(ctx -> {
                    Caller caller = RequestCaller.of(ctx);
                    long id = id(ctx);
                    String type = ctx.request().getHeader("Content-Type");
                    byte[] bytes = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
                    Replies.reply(ctx, 201, blocking.run(() -> json(slides.add(caller, id, type, bytes))));
                });
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("tin", ctx.pathParam("id"));
        }
    }

    static JsonObject json(AnnouncementSlides.Picture p) {
        return new JsonObject().put("sha256", p.sha256()).put("type", p.type()).put("size", p.size())
                .put("width", p.width()).put("height", p.height());
    }
}
