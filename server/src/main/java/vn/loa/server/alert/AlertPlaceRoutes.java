package vn.loa.server.alert;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/**
 * HTTP routes of what CAP targeting and trust need (ADR 0045, 0046): a zone's boundary and geocode,
 * the trusted alerting authorities and the signature rule, one alert's detail or signed CAP, and the Atom feed.
 */
public final class AlertPlaceRoutes {

    private final AlertPlaces places;
    private final AlertAuthorities authorities;
    private final CapPublisher publisher;
    private final Blocking blocking;

    public AlertPlaceRoutes(AlertPlaces places, AlertAuthorities authorities, CapPublisher publisher,
            Blocking blocking) {
        this.places = places;
        this.authorities = authorities;
        this.publisher = publisher;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("getZoneBoundary").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            Replies.reply(ctx, 200, blocking.run(() -> places.get(caller, zone)));
        });
        api.getRoute("setZoneBoundary").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            JsonObject geojson = ctx.body().asJsonObject();
            Replies.reply(ctx, 200, blocking.run(() -> places.setBoundary(caller, zone, geojson)));
        });
        api.getRoute("deleteZoneBoundary").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            Replies.reply(ctx, 200, blocking.run(() -> places.setBoundary(caller, zone, null)));
        });
        api.getRoute("setZoneGeocode").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            JsonObject body = ctx.body().asJsonObject();
            String valueName = body.getString("valueName").strip();
            String value = body.getString("value") == null ? null : body.getString("value").strip();
            Replies.reply(ctx, 200, blocking.run(() -> places.setGeocode(caller, zone, valueName, value)));
        });
        api.getRoute("setZoneDrill").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            boolean drill = ctx.body().asJsonObject().getBoolean("drill");
            Replies.reply(ctx, 200, blocking.run(() -> places.setDrill(caller, zone, drill)));
        });
        api.getRoute("setZoneLanguages").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String zone = ctx.pathParam("id");
            java.util.List<String> languages = ctx.body().asJsonObject().getJsonArray("languages").stream()
                    .map(String.class::cast).toList();
            Replies.reply(ctx, 200, blocking.run(() -> places.setLanguages(caller, zone, languages)));
        });
        api.getRoute("listAlertAuthorities").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> authorities.list(caller)));
        });
        api.getRoute("addAlertAuthority").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            JsonObject body = ctx.body().asJsonObject();
            String name = TextInput.required(TextInput.name(body.getString("name"), "name"), "name");
            String pem = body.getString("certificate");
            Replies.reply(ctx, 201, blocking.run(() -> authorities.add(caller, name, pem)));
        });
        api.getRoute("removeAlertAuthority").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = number(ctx.pathParam("id"));
            blocking.run(() -> {
                authorities.remove(caller, id);
                return null;
            }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
        });
        api.getRoute("listAlertRevocations").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> authorities.revocations(caller)));
        });
        api.getRoute("revokeAlertCertificate").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            JsonObject body = ctx.body().asJsonObject();
            String pem = body.getString("certificate");
            String reason = TextInput.plain(body.getString("reason"));
            Replies.reply(ctx, 201, blocking.run(() -> authorities.revoke(caller, pem, reason)));
        });
        api.getRoute("setAlertSignatureRule").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            boolean required = ctx.body().asJsonObject().getBoolean("required");
            Replies.reply(ctx, 200, blocking.run(() -> authorities.require(caller, required)));
        });
        api.getRoute("getAlert").addHandler(this::alert);
        api.getRoute("getAlertFeed").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            String uri = ctx.request().absoluteURI();
            String base = uri.substring(0, uri.indexOf("/api/v1/"));
            blocking.run(() -> publisher.feed(caller, base))
                    .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/atom+xml; charset=utf-8")
                            .end(io.vertx.core.buffer.Buffer.buffer(xml)))
                    .onFailure(ctx::fail);
        });
    }

    private void alert(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String file = ctx.pathParam("file");
        boolean cap = file.endsWith(".cap");
        long id = number(cap ? file.substring(0, file.length() - ".cap".length()) : file);
        if (!cap) {
            Replies.reply(ctx, 200, blocking.run(() -> publisher.detail(caller, id)));
            return;
        }
        blocking.run(() -> publisher.cap(caller, id))
                .onSuccess(xml -> ctx.response().putHeader("Content-Type", "application/cap+xml; charset=utf-8")
                        .putHeader("Content-Disposition", "inline; filename=\"" + id + ".cap\"")
                        .end(io.vertx.core.buffer.Buffer.buffer(xml)))
                .onFailure(ctx::fail);
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.notFound("mục", value);
        }
    }
}
