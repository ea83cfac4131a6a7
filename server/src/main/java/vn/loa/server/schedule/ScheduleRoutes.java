package vn.loa.server.schedule;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.TimeInput;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;

/** HTTP route of {@code /api/v1/schedule}: the programme grid for a window (default: the next 24 hours). */
public final class ScheduleRoutes {

    private final ProgrammeGrid grid;
    private final Blocking blocking;
    private final Clock clock;

    public ScheduleRoutes(ProgrammeGrid grid, Blocking blocking, Clock clock) {
        this.grid = grid;
        this.blocking = blocking;
        this.clock = clock;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getSchedule").addHandler(this::get);
    }

    private void get(RoutingContext ctx) {
        var caller = RequestCaller.of(ctx);
        var q = ctx.queryParams();
        Instant from = time(q.get("from"), "from", clock.instant());
        Instant to = time(q.get("to"), "to", from.plus(Duration.ofDays(1)));
        String zone = q.get("zone");
        Replies.reply(ctx, 200, blocking.run(() -> new JsonObject()
                .put("from", from.toString()).put("to", to.toString())
                .put("timeZone", Recurrence.STATION_ZONE.getId())
                .put("items", new JsonArray(grid.between(caller, from, to, zone).stream()
                        .map(ScheduleRoutes::json).toList()))));
    }

    private static Instant time(String value, String name, Instant fallback) {
        return value == null ? fallback : TimeInput.instant(value, name, "invalid_window");
    }

    private static JsonObject json(ProgrammeGrid.Entry e) {
        JsonObject json = new JsonObject()
                .put("at", e.at().atZone(Recurrence.STATION_ZONE).toOffsetDateTime()
                        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("announcementId", e.announcementId()).put("title", e.title())
                .put("priority", e.priority().name()).put("zones", new JsonArray(e.zones()))
                .put("repeating", e.repeating())
                .put("outcome", e.outcome() == null ? "PLANNED" : e.outcome().name());
        if (e.latenessMs() != null) {
            json.put("latenessMs", e.latenessMs());
        }
        if (e.detail() != null) {
            json.put("detail", e.detail());
        }
        return json;
    }
}
