package vn.loa.server.alert;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.access.Caller;
import vn.loa.server.http.ApiError;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/**
 * HTTP routes of {@code /api/v1/alerts}: alerts in (JSON through the contract, CAP XML through a route of its own,
 * because the contract library validates no XML), the API keys, area names, repeat plans and
 * polled CAP feeds an admin manages, and the list
 * of alerts received. An alert is accepted with an {@code X-API-Key} or a leader's bearer token.
 */
public final class AlertRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRoutes.class);

    private final AlertService service;
    private final AlertKeys keys;
    private final AlertAreas areas;
    private final AlertPlans plans;
    private final AlertFeeds feeds;
    private final CapIntake intake;
    private final Blocking blocking;

    public AlertRoutes(AlertService service, AlertKeys keys, AlertAreas areas, AlertAuthorities authorities,
            AlertFeeds feeds, Blocking blocking) {
        this.service = service;
        this.keys = keys;
        this.areas = areas;
        this.intake = new CapIntake(service, authorities, e -> ApiError.of(e).status());
        this.plans = service.plans();
        this.feeds = feeds;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("createAlert").addHandler(this::json);
        api.getRoute("listAlerts").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String limit = ctx.queryParams().get("limit");
            Replies.reply(ctx, 200, blocking.run(() -> service.list(caller, limit == null ? 50 : Integer.parseInt(limit))));
        });
        api.getRoute("listAlertKeys").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> new JsonArray(keys.list(caller))));
        });
        api.getRoute("createAlertKey").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String name = TextInput.required(TextInput.name(ctx.body().asJsonObject().getString("name"), "name"), "name");
            Replies.reply(ctx, 201, blocking.run(() -> keys.create(caller, name)));
        });
        api.getRoute("revokeAlertKey").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = longId(ctx.pathParam("id"));
            blocking.run(() -> {
                keys.revoke(caller, id);
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
        api.getRoute("listAlertAreas").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> areas.list(caller)));
        });
        api.getRoute("replaceAlertAreas").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Map<String, List<String>> byName = new LinkedHashMap<>();
            ctx.body().asJsonObject().getJsonArray("areas").forEach(o -> {
                JsonObject area = (JsonObject) o;
                byName.put(TextInput.plain(area.getString("name")),
                        area.getJsonArray("zones").stream().map(String.class::cast).toList());
            });
            Replies.reply(ctx, 200, blocking.run(() -> areas.replace(caller, byName)));
        });
        api.getRoute("listAlertPlans").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> plans.list(caller)));
        });
        api.getRoute("listAlertFeeds").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> feeds.list(caller)));
        });
        api.getRoute("addAlertFeed").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            JsonObject body = ctx.body().asJsonObject();
            String url = body.getString("url");
            int interval = body.getInteger("intervalSeconds", 300);
            Replies.reply(ctx, 201, blocking.run(() -> feeds.add(caller, url, interval)));
        });
        api.getRoute("removeAlertFeed").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = longId(ctx.pathParam("id"));
            blocking.run(() -> {
                feeds.remove(caller, id);
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
        api.getRoute("replaceAlertPlans").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            JsonArray body = ctx.body().asJsonObject().getJsonArray("plans");
            Replies.reply(ctx, 200, blocking.run(() -> plans.replace(caller, body)));
        });
    }

    /** The one way CAP comes in, for the feeds polled. */
    public CapIntake intake() {
        return intake;
    }

    /**
     * The CAP route, ahead of the contract's routes: XML bodies ({@code application/cap+xml}, {@code application/xml},
     * {@code text/xml}) with their own size limit, authenticated like the rest.
     */
    public void mountCap(Router router, io.vertx.core.Handler<RoutingContext> authenticator) {
        router.route(HttpMethod.POST, "/api/v1/alerts").order(-1)
                .consumes("application/cap+xml").consumes("application/xml").consumes("text/xml")
                .handler(BodyHandler.create(false).setBodyLimit(CapParser.MAX_BYTES))
                .handler(authenticator)
                .handler(this::cap);
    }

    private void json(RoutingContext ctx) {
        String address = RequestCaller.address(ctx);
        JsonObject body = ctx.body().asJsonObject();
        String headline = TextInput.required(TextInput.plain(body.getString("headline")), "headline");
        String text = TextInput.plain(body.getString("text"));
        List<String> zones = List.copyOf(new LinkedHashSet<>(
                body.getJsonArray("zones").stream().map(String.class::cast).toList()));
        String severity = body.getString("severity", "Severe");
        caller(ctx, address)
                .compose(caller -> blocking.run(() -> intake.audited(caller, "JSON",
                        () -> service.json(caller, headline, text, zones, severity))))
                .onSuccess(json -> Replies.json(ctx, 201, json))
                .onFailure(e -> refused(ctx, "JSON", address, e));
    }

    private void cap(RoutingContext ctx) {
        String address = RequestCaller.address(ctx);
        byte[] xml = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        caller(ctx, address)
                .compose(caller -> blocking.run(() -> intake.take(caller, "CAP", xml)))
                .onSuccess(json -> Replies.json(ctx, 201, json))
                .onFailure(e -> refused(ctx, "CAP", address, e));
    }

    /** The bearer's caller, or the API key's; 401 for neither. */
    private io.vertx.core.Future<Caller> caller(RoutingContext ctx, String address) {
        Caller bearer = RequestCaller.orNull(ctx);
        if (bearer != null) {
            return io.vertx.core.Future.succeededFuture(bearer);
        }
        String key = ctx.request().getHeader(AlertKeys.HEADER);
        return blocking.run(() -> keys.verify(key, address).orElseThrow(() -> new Refusal(
                Refusal.Kind.UNAUTHENTICATED, "unauthorized",
                "Thiếu hoặc sai khóa API (tiêu đề " + AlertKeys.HEADER + ") hay mã đăng nhập.")));
    }

    /** Every refused alert is logged: a feed that keeps failing must show in the server log. */
    private static void refused(RoutingContext ctx, String kind, String address, Throwable e) {
        if (e instanceof Refusal refusal) {
            ApiError api = ApiError.of(refusal);
            LOG.warn("{} alert from {} refused: {} {} {}", kind, address, api.status(), api.code(), api.getMessage());
        }
        ctx.fail(e);
    }

    private static long longId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("khóa API", value);
        }
    }
}
