package vn.loa.server.live;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Duration;
import java.util.Set;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * {@code GET /api/v1/announcements/{id}/events}: an announcement's progress as server-sent events. Each event's data is
 * the announcement as {@code GET /api/v1/announcements/{id}} shows it (state, transitions, delivery per node); one is
 * sent at once and then one whenever it changes. The stream ends once the state is final (DONE, CANCELLED, FAILED) and
 * every delivery is final too (PLAYED, FAILED), or {@code SETTLE_MS} after the final state: agents report playing
 * after their buffers drain, which may be after the announcement is done, and third-party speakers never report.
 *
 * <p>Each stream re-reads the announcement on a worker every {@code interval} and sends only what changed: the web UI's
 * few watchers cost a small query each, and nothing in the air path has to know about them (see ADR 0008).
 */
public final class AnnouncementEvents {

    /** Reads an announcement as the caller may see it (blocking; throws Refusal when it may not). */
    public interface Reader {
        JsonObject read(Caller caller, long id);
    }

    private static final Set<String> FINAL = Set.of("DONE", "CANCELLED", "FAILED");
    private static final Set<String> DELIVERED = Set.of("PLAYED", "FAILED");
    private static final long SETTLE_MS = 20_000;
    private static final long KEEP_ALIVE_MS = 15_000;

    private final Vertx vertx;
    private final Reader reader;
    private final Blocking blocking;
    private final long intervalMs;

    public AnnouncementEvents(Vertx vertx, Reader reader, Blocking blocking, Duration interval) {
        this.vertx = vertx;
        this.reader = reader;
        this.blocking = blocking;
        this.intervalMs = interval.toMillis();
    }

    public void mount(RouterBuilder api) {
        api.getRoute("announcementEvents").addHandler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            // An integer the contract lets through but no announcement can have (past 2^63).
            throw Refusal.notFound("tin", ctx.pathParam("id"));
        }
        // The first read decides between a 404/403 answer and the stream.
        blocking.run(() -> reader.read(caller, id)).onFailure(ctx::fail).onSuccess(first -> {
            HttpServerResponse response = ctx.response()
                    .setChunked(true)
                    .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                    .putHeader("Cache-Control", "no-store")
                    // Compressed streams are buffered by the compressor; events must leave at once.
                    .putHeader("Content-Encoding", "identity")
                    .putHeader("X-Accel-Buffering", "no");
            new Watch(response, caller, id).send(first);
        });
    }

    /** One open stream: its last sent state and its timer. Runs on the request's event loop. */
    private final class Watch {
        private final HttpServerResponse response;
        private final Caller caller;
        private final long id;
        private final long timer;
        private String last = "";
        private long lastWrite = System.currentTimeMillis();
        private long finalSince;
        private boolean reading;
        private boolean closed;

        Watch(HttpServerResponse response, Caller caller, long id) {
            this.response = response;
            this.caller = caller;
            this.id = id;
            this.timer = vertx.setPeriodic(intervalMs, t -> poll());
            response.closeHandler(v -> stop());
        }

        private void poll() {
            if (reading || closed) {
                return;
            }
            reading = true;
            blocking.run(() -> reader.read(caller, id)).onComplete(r -> {
                reading = false;
                if (r.succeeded()) {
                    send(r.result());
                } else {
                    // Deleted or no longer visible: end the stream; the client reloads the page's data.
                    end();
                }
            });
        }

        void send(JsonObject announcement) {
            if (closed) {
                return;
            }
            String json = announcement.encode();
            if (!json.equals(last)) {
                last = json;
                write("event: announcement\ndata: " + json + "\n\n");
            } else if (System.currentTimeMillis() - lastWrite > KEEP_ALIVE_MS) {
                write(": still here\n\n");
            }
            if (FINAL.contains(announcement.getString("state"))) {
                long now = System.currentTimeMillis();
                finalSince = finalSince == 0 ? now : finalSince;
                if (allDelivered(announcement) || now - finalSince > SETTLE_MS) {
                    end();
                }
            }
        }

        private static boolean allDelivered(JsonObject announcement) {
            var deliveries = announcement.getJsonArray("deliveries");
            for (int i = 0; deliveries != null && i < deliveries.size(); i++) {
                if (!DELIVERED.contains(deliveries.getJsonObject(i).getString("state"))) {
                    return false;
                }
            }
            return true;
        }

        private void write(String text) {
            lastWrite = System.currentTimeMillis();
            response.write(text);
        }

        private void end() {
            if (!closed) {
                stop();
                response.end();
            }
        }

        private void stop() {
            closed = true;
            vertx.cancelTimer(timer);
        }
    }
}
