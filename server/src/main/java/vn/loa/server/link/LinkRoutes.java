package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.refusal.Refusal;

/**
 * HTTP routes the linked systems call, {@code /api/v1/link/*}: no user token, every call proves its sender by the
 * enrolment key ({@code enrol}) or an Ed25519 signature ({@code poll}, {@code messages}). A poll that finds nothing
 * waits up to {@code link.poll.wait} for a bulletin (long polling).
 */
public final class LinkRoutes {

    private final Downstreams downstreams;
    private final DownstreamExchange down;
    private final UpstreamExchange up;
    private final PollWaiters waiters;
    private final Blocking blocking;
    private final Duration pollWait;
    private final Clock clock;

    LinkRoutes(Downstreams downstreams, DownstreamExchange down, UpstreamExchange up, PollWaiters waiters,
            Blocking blocking, Duration pollWait, Clock clock) {
        this.downstreams = downstreams;
        this.down = down;
        this.up = up;
        this.waiters = waiters;
        this.blocking = blocking;
        this.pollWait = pollWait;
        this.clock = clock;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("linkEnrol").addHandler(this::enrol);
        api.getRoute("linkPoll").addHandler(this::poll);
        api.getRoute("linkMessage").addHandler(this::message);
        api.getRoute("linkAudio").addHandler(ctx -> content(ctx, Envelope.AUDIO));
        api.getRoute("linkSlide").addHandler(ctx -> content(ctx, Envelope.SLIDE));
    }

    /** A recording or a picture by its SHA-256, streamed from its file (it may be long); counted once sent whole. */
    private void content(RoutingContext ctx, String kind) {
        SignedMessage message = signed(ctx);
        String address = RequestCaller.address(ctx);
        blocking.run(() -> down.content(message, address, kind)).onSuccess(path -> {
            long size = path.toFile().length();
            ctx.response().putHeader("Content-Type", "application/octet-stream")
                    .putHeader("Cache-Control", "no-store")
                    .sendFile(path.toString()).onSuccess(v -> down.served(kind, size));
        }).onFailure(ctx::fail);
    }

    private void enrol(RoutingContext ctx) {
        JsonObject body = ctx.body().asJsonObject();
        String address = RequestCaller.address(ctx);
        Replies.reply(ctx, 200, blocking.run(() -> downstreams.enrol(body.getString("id"), body.getString("key"),
                body.getString("publicKey"), address)));
    }

    private void poll(RoutingContext ctx) {
        SignedMessage message = signed(ctx);
        String address = RequestCaller.address(ctx);
        long after;
        long wait;
        try {
            after = message.unverified().body().getLong("after", 0L);
            wait = Math.min(pollWait.toMillis(), Math.max(0, message.unverified().body().getLong("wait", 0L)) * 1000);
        } catch (ClassCastException e) {
            throw Refusal.invalid("malformed_message", "Trường 'after' và 'wait' của yêu cầu lấy bản tin là số.", "body");
        }
        blocking.run(() -> down.poll(message, address)).onSuccess(poll -> {
            if (!poll.messages().isEmpty() || wait <= 0) {
                answer(ctx, poll.messages());
                return;
            }
            // Wait first, then look once more: a bulletin committed between the first look and the wait would
            // otherwise wake nobody, and a khẩn cấp would sit out the whole poll (seen as a 20 s outlier).
            var woken = waiters.await(poll.downstream(), wait);
            blocking.run(() -> down.pending(poll.downstream(), after)).onSuccess(now -> {
                if (!now.isEmpty()) {
                    answer(ctx, now);
                    return;
                }
                woken.compose(v -> blocking.run(() -> down.pending(poll.downstream(), after)))
                        .onSuccess(messages -> answer(ctx, messages)).onFailure(ctx::fail);
            }).onFailure(ctx::fail);
        }).onFailure(ctx::fail);
    }

    private void message(RoutingContext ctx) {
        SignedMessage message = signed(ctx);
        String address = RequestCaller.address(ctx);
        String sender = message.unverified().sender();
        Replies.reply(ctx, 200, blocking.run(() -> up.isUpstream(sender) ? up.receive(message, address)
                : down.receive(message, address)));
    }

    private void answer(RoutingContext ctx, List<SignedMessage> messages) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        Replies.json(ctx, 200, new JsonObject().put("time", clock.instant().toString())
                .put("messages", new JsonArray(messages.stream().map(SignedMessage::json).toList())));
    }

    private static SignedMessage signed(RoutingContext ctx) {
        try {
            SignedMessage message = SignedMessage.of(ctx.body().asJsonObject());
            message.unverified();
            return message;
        } catch (IllegalArgumentException | ClassCastException e) {
            throw Refusal.invalid("malformed_message", "Bản tin liên thông sai định dạng: " + e.getMessage());
        }
    }
}
