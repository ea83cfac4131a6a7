package vn.loa.server.display;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/** The HTTP routes of slides proposed by plugins: the list awaiting a decision, approval onto boards, rejection. */
final class ProposedSlideRoutes {

    private final ProposedSlides slides;
    private final Blocking blocking;

    ProposedSlideRoutes(ProposedSlides slides, Blocking blocking) {
        this.slides = slides;
        this.blocking = blocking;
    }

    void mount(RouterBuilder api) {
        api.getRoute("listProposedSlides").addHandler(this::list);
        api.getRoute("approveProposedSlide").addHandler(this::approve);
        api.getRoute("rejectProposedSlide").addHandler(this::reject);
    }

    private void list(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(slides.proposed(caller).stream()
                .map(ProposedSlideRoutes::json).toList())));
    }

    private void approve(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        long id = Long.parseLong(ctx.pathParam("id"));
        JsonObject body = ctx.body().asJsonObject();
        var boards = body.getJsonArray("boards").stream().map(String::valueOf).toList();
        int seconds = body.getInteger("seconds", 10);
        Replies.reply(ctx, 200, blocking.run(() -> json(slides.approve(caller, id, boards, seconds))));
    }

    private void reject(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        long id = Long.parseLong(ctx.pathParam("id"));
        String reason = ctx.body().asJsonObject().getString("reason");
        Replies.reply(ctx, 200, blocking.run(() -> json(slides.reject(caller, id, reason))));
    }

    private static JsonObject json(ProposedSlides.Slide s) {
        JsonObject j = new JsonObject().put("id", s.id()).put("plugin", s.plugin()).put("title", s.title())
                .put("body", s.body()).put("unit", s.unitId()).put("state", s.state())
                .put("proposedAt", s.proposedAt().toString()).put("boards", new JsonArray(s.boards()));
        if (s.decidedBy() != null) {
            j.put("decidedBy", s.decidedBy());
        }
        if (s.reason() != null) {
            j.put("reason", s.reason());
        }
        return j;
    }
}
