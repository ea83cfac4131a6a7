package vn.loa.server.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * HTTP routes of programme automation: {@code /api/v1/programme/templates} (list, create, retire), the day's grid
 * {@code /api/v1/programme/grid}, and {@code PUT /api/v1/audio/{audioId}/tags}.
 */
public final class ProgrammeRoutes {

    private final ProgrammeTemplates templates;
    private final AudioTags tags;
    private final Blocking blocking;
    private final Clock clock;

    public ProgrammeRoutes(ProgrammeTemplates templates, AudioTags tags, Blocking blocking, Clock clock) {
        this.templates = templates;
        this.tags = tags;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The routes on their services, with the templates' sessions planned again where a plan was lost. */
    public static ProgrammeRoutes started(org.jdbi.v3.core.Jdbi jdbi, vn.loa.server.zone.ZoneGuard zones,
            vn.loa.server.announcement.RelayPolicy relays, vn.loa.server.audit.AuditLog audit,
            vn.loa.scheduler.ProgrammeClock programmes, Blocking blocking, Clock clock) {
        ProgrammeTemplates templates = new ProgrammeTemplates(jdbi, zones, relays, audit, programmes, clock);
        templates.reconcile();
        return new ProgrammeRoutes(templates, new AudioTags(jdbi, audit), blocking, clock);
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listProgrammeTemplates").addHandler(ctx -> Replies.reply(ctx, 200,
                blocking.run(() -> templates.list(RequestCaller.of(ctx)))));
        api.getRoute("createProgrammeTemplate").addHandler(ctx -> Replies.reply(ctx, 201,
                blocking.run(() -> templates.create(RequestCaller.of(ctx), ctx.body().asJsonObject()))));
        api.getRoute("retireProgrammeTemplate").addHandler(this::retire);
        api.getRoute("getProgrammeGrid").addHandler(this::grid);
        api.getRoute("putAudioTags").addHandler(ctx -> Replies.reply(ctx, 200, blocking.run(() -> new JsonObject()
                .put("audioId", ctx.pathParam("audioId"))
                .put("tags", new JsonArray(tags.set(RequestCaller.of(ctx), ctx.pathParam("audioId"),
                        ctx.body().asJsonObject().getJsonArray("tags").stream().map(String::valueOf).toList()))))));
    }

    private void retire(RoutingContext ctx) {
        long id = id(ctx.pathParam("templateId"));
        blocking.run(() -> {
            templates.retire(RequestCaller.of(ctx), id);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private void grid(RoutingContext ctx) {
        String date = ctx.queryParams().get("date");
        LocalDate day;
        try {
            day = date == null ? LocalDate.now(clock.withZone(Recurrence.STATION_ZONE)) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_date", "Ngày không hợp lệ (cần YYYY-MM-DD): " + date, "date");
        }
        String zone = ctx.queryParams().get("zone");
        Replies.reply(ctx, 200, blocking.run(() -> new JsonObject().put("date", day.toString())
                .put("timeZone", Recurrence.STATION_ZONE.getId())
                .put("sessions", templates.grid(RequestCaller.of(ctx), day, zone))));
    }

    private static long id(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("mẫu buổi phát", value);
        }
    }
}
