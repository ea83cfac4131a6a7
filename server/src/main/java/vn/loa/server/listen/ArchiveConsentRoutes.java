package vn.loa.server.listen;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/**
 * {@code GET/PUT /api/v1/announcements/{id}/archive} {@code {public}}: whether the notice may be heard again on the
 * residents' page once aired.
 */
public final class ArchiveConsentRoutes {

    private final ArchiveConsent consent;
    private final Blocking blocking;

    public ArchiveConsentRoutes(ArchiveConsent consent, Blocking blocking) {
        this.consent = consent;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getAnnouncementArchive").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = id(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> answer(consent.isPublic(caller, id))));
        });
        api.getRoute("setAnnouncementArchive").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = id(ctx);
            boolean open = ctx.body().asJsonObject().getBoolean("public");
            Replies.reply(ctx, 200, blocking.run(() -> {
                consent.set(caller, id, open);
                return answer(open);
            }));
        });
    }

    private static JsonObject answer(boolean open) {
        return new JsonObject().put("public", open);
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw vn.loa.server.refusal.Refusal.notFound("tin", ctx.pathParam("id"));
        }
    }
}
