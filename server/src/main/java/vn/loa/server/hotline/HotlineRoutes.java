package vn.loa.server.hotline;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/** HTTP routes of {@code /api/v1/hotline}: its state, the authorised numbers, prepared alerts and the calls. */
public final class HotlineRoutes {

    private final HotlineNumbers numbers;
    private final HotlinePresets presets;
    private final HotlineCalls calls;
    private final Hotline hotline;
    private final Blocking blocking;

    HotlineRoutes(HotlineNumbers numbers, HotlinePresets presets, HotlineCalls calls, Hotline hotline,
            Blocking blocking) {
        this.numbers = numbers;
        this.presets = presets;
        this.calls = calls;
        this.hotline = hotline;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("hotlineStatus").addHandler(ctx -> {
            RequestCaller.of(ctx);
            JsonObject status = new JsonObject().put("enabled", hotline.sip().isPresent());
            hotline.sip().ifPresent(sip -> status.put("port", sip.port()).put("registered", sip.registered())
                    .put("answered", sip.metrics().answered()).put("refused", sip.metrics().refused())
                    .put("throttled", sip.metrics().throttled()).put("challenged", sip.metrics().challenged())
                    .put("busy", sip.metrics().busy()).put("pinTimeouts", sip.metrics().pinTimeouts())
                    .put("waitingForPin", sip.waitingForPin()).put("tcpConnections", sip.tcpConnections())
                    .put("tcpRefused", sip.metrics().tcpRefused()).put("tcpIdleClosed", sip.metrics().tcpIdleClosed()));
            Replies.json(ctx, 200, status);
        });
        api.getRoute("listHotlineNumbers").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> numbers.list(caller)));
        });
        api.getRoute("addHotlineNumber").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            JsonObject body = ctx.body().asJsonObject();
            Replies.reply(ctx, 201, blocking.run(() -> numbers.add(caller, body.getString("number"),
                    body.getString("username"), body.getString("pin"), body.getString("sipPassword"))));
        });
        api.getRoute("removeHotlineNumber").addHandler(ctx -> noContent(ctx, caller -> numbers.remove(caller, id(ctx))));
        api.getRoute("unlockHotlineNumber").addHandler(ctx -> noContent(ctx, caller -> numbers.unlock(caller, id(ctx))));
        api.getRoute("setHotlineSipPassword").addHandler(ctx -> {
            String password = ctx.body().asJsonObject().getString("sipPassword");
            noContent(ctx, caller -> numbers.setSipPassword(caller, id(ctx), password));
        });
        api.getRoute("listHotlinePresets").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> presets.list(caller)));
        });
        api.getRoute("replaceHotlinePresets").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            var body = ctx.body().asJsonArray();
            Replies.reply(ctx, 200, blocking.run(() -> presets.replace(caller, body)));
        });
        api.getRoute("listHotlineCalls").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            Replies.reply(ctx, 200, blocking.run(() -> calls.list(caller)));
        });
        api.getRoute("hotlineCallRecording").addHandler(ctx -> {
            Caller caller = RequestCaller.of(ctx);
            long id = id(ctx);
            blocking.run(() -> calls.recording(caller, id))
                    .onSuccess(wav -> ctx.response().putHeader("Content-Type", "audio/wav")
                            .end(io.vertx.core.buffer.Buffer.buffer(wav)))
                    .onFailure(ctx::fail);
        });
    }

    private interface Change {
        void apply(Caller caller) throws Exception;
    }

    private void noContent(RoutingContext ctx, Change change) {
        Caller caller = RequestCaller.of(ctx);
        blocking.run(() -> {
            change.apply(caller);
            return null;
        }).onSuccess(v -> ctx.response().setStatusCode(204).end()).onFailure(ctx::fail);
    }

    private static long id(RoutingContext ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw Refusal.notFound("mục", ctx.pathParam("id"));
        }
    }
}
