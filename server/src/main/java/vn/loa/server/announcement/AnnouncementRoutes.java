package vn.loa.server.announcement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/** HTTP routes of {@code /api/v1/announcements} and its lifecycle actions. */
public final class AnnouncementRoutes {

    /** A lifecycle action on one announcement, with the optional reason from the body. */
    private interface Move {
        Announcement apply(Caller caller, long id, String reason);
    }

    private final AnnouncementService service;
    private final java.util.Set<String> voices;
    private final Blocking blocking;
    private final java.time.Duration minInterval;
    private final java.time.Clock clock;

    public AnnouncementRoutes(AnnouncementService service, java.util.Set<String> voices, Blocking blocking,
            java.time.Duration minInterval, java.time.Clock clock) {
        this.service = service;
        this.voices = voices;
        this.blocking = blocking;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("listAnnouncements").addHandler(this::list);
        api.getRoute("createAnnouncement").addHandler(this::create);
        api.getRoute("getAnnouncement").addHandler(this::get);
        api.getRoute("editAnnouncement").addHandler(this::edit);
        api.getRoute("submitAnnouncement").addHandler(ctx -> move(ctx, (c, id, r) -> service.submit(c, id)));
        api.getRoute("approveAnnouncement").addHandler(ctx -> move(ctx, (c, id, r) -> service.approve(c, id)));
        api.getRoute("rejectAnnouncement").addHandler(ctx -> move(ctx, service::reject));
        api.getRoute("broadcastAnnouncement").addHandler(ctx -> move(ctx, (c, id, r) -> service.broadcast(c, id)));
        api.getRoute("cancelAnnouncement").addHandler(ctx -> move(ctx, service::cancel));
        api.getRoute("rescheduleAnnouncement").addHandler(this::reschedule);
    }

    /** An announcement as {@code getAnnouncement} shows it, for other views of it (blocking). */
    public JsonObject detail(Caller caller, long id) {
        return AnnouncementJson.detail(service.detail(caller, id));
    }

    private void list(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String state = ctx.queryParams().get("state");
        int limit = Integer.parseInt(ctx.queryParams().get("limit") == null ? "50" : ctx.queryParams().get("limit"));
        int offset = Integer.parseInt(ctx.queryParams().get("offset") == null ? "0" : ctx.queryParams().get("offset"));
        AnnouncementState filter = state == null ? null : AnnouncementState.valueOf(state);
        Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(
                service.page(caller, filter, limit, offset).stream().map(AnnouncementJson::summary).toList())));
    }

    private void create(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        JsonObject body = ctx.body().asJsonObject();
        AnnouncementDraft draft = checked(AnnouncementRequests.draft(body));
        String onConflict = onConflict(body);
        Replies.reply(ctx, 201, blocking.run(() -> AnnouncementJson.summary(service.create(caller, draft, onConflict))));
    }

    private void get(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        long id = id(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> AnnouncementJson.detail(service.detail(caller, id))));
    }

    private void edit(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        long id = id(ctx);
        JsonObject body = ctx.body().asJsonObject();
        AnnouncementDraft draft = checked(AnnouncementRequests.draft(body));
        String onConflict = onConflict(body);
        Replies.reply(ctx, 200, blocking.run(() -> AnnouncementJson.summary(service.edit(caller, id, draft,
                onConflict))));
    }

    private void move(RoutingContext ctx, Move move) {
        Caller caller = RequestCaller.of(ctx);
        long id = id(ctx);
        JsonObject body = ctx.body() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
        String reason = body == null ? null : TextInput.plain(body.getString("reason"));
        Replies.reply(ctx, 200, blocking.run(() -> AnnouncementJson.summary(move.apply(caller, id, reason))));
    }

    private void reschedule(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        long id = id(ctx);
        java.time.Instant at = AnnouncementRequests.instant(ctx.body().asJsonObject().getString("at"), "at");
        Replies.reply(ctx, 200, blocking.run(() -> AnnouncementJson.summary(service.reschedule(caller, id, at))));
    }

    /**
     * A voice no engine has, or a repeating rule that never airs or airs too often (LOA_SCHEDULE_MIN_INTERVAL), would
     * only fail later: refuse it now, naming what is wrong.
     */
    private AnnouncementDraft checked(AnnouncementDraft draft) {
        var s = draft.schedule();
        if (s != null && s.cron() != null) {
            new vn.loa.scheduler.Recurrence(s.at(), s.cron(), s.until()).problemFrom(clock.instant(), minInterval)
                    .ifPresent(problem -> {
                        throw Refusal.invalid("invalid_schedule", problem, "schedule.cron");
                    });
        }
        if (draft.voice() != null && !voices.contains(draft.voice())) {
            throw Refusal.invalid("unknown_voice", "Không có giọng đọc '" + draft.voice() + "'. Các giọng có: "
                    + String.join(", ", new java.util.TreeSet<>(voices)) + ".");
        }
        return draft;
    }

    /** What the clerk chose for a clash with another scheduled item: priority, shift, or nothing (then 409). */
    private static String onConflict(JsonObject body) {
        JsonObject schedule = body.getJsonObject("schedule");
        return schedule == null ? null : schedule.getString("onConflict");
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("tin", ctx.pathParam("id"));
        }
    }
}
