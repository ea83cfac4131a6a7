package vn.loa.server.schedule;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Optional;
import vn.loa.scheduler.QuietWindow;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/** HTTP routes of {@code /api/v1/zones/{id}/quiet-hours}: read, set and clear a zone's quiet hours. */
public final class QuietHoursRoutes {

    private final QuietHours quiet;
    private final Blocking blocking;

    public QuietHoursRoutes(QuietHours quiet, Blocking blocking) {
        this.quiet = quiet;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getQuietHours").addHandler(ctx -> reply(ctx, () -> quiet.of(RequestCaller.of(ctx), zone(ctx))));
        api.getRoute("setQuietHours").addHandler(ctx -> {
            JsonObject body = ctx.body().asJsonObject();
            QuietWindow window = QuietHours.parse(body.getString("from"), body.getString("to"));
            reply(ctx, () -> quiet.set(RequestCaller.of(ctx), zone(ctx), window));
        });
        api.getRoute("clearQuietHours").addHandler(ctx -> reply(ctx, () -> quiet.set(RequestCaller.of(ctx),
                zone(ctx), null)));
    }

    private static String zone(RoutingContext ctx) {
        return ctx.pathParam("id");
    }

    private void reply(RoutingContext ctx, java.util.concurrent.Callable<Optional<QuietWindow>> work) {
        Replies.reply(ctx, 200, blocking.run(() -> work.call()
                .map(w -> new JsonObject().put("from", w.from().toString()).put("to", w.to().toString())
                        .put("timeZone", vn.loa.scheduler.Recurrence.STATION_ZONE.getId()))
                .orElse(new JsonObject())));
    }
}
