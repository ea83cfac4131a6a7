package vn.loa.server.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import io.vertx.micrometer.PrometheusScrapingHandler;
import vn.loa.server.db.Database;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.speech.SpeechReadiness;

/**
 * {@code /health} (are the database and the speech engine ready, is the air behind, is memory short?), open for
 * monitoring, and {@code /metrics} (Prometheus text), which names users' activity and so asks for the metrics token,
 * or a caller on this machine when no token is set. DOWN answers 503; DEGRADED answers 200, since the server still
 * works, with the reason in its {@code air} or {@code memory} part.
 */
public final class HealthRoutes {

    private final Database database;
    private final Blocking blocking;
    private final PrometheusMeterRegistry registry;
    private final SpeechReadiness speech;
    private final Pressure pressure;
    private final String metricsToken;
    private final java.util.List<java.util.function.Supplier<JsonObject>> parts = new java.util.ArrayList<>();

    /** @param metricsToken the bearer token {@code /metrics} asks for; empty means loopback callers only */
    public HealthRoutes(Database database, SpeechReadiness speech, Pressure pressure, Blocking blocking,
            PrometheusMeterRegistry registry, String metricsToken) {
        this.database = database;
        this.pressure = pressure.register(registry);
        this.metricsToken = metricsToken;
        this.speech = speech;
        this.blocking = blocking;
        this.registry = registry;
    }

    /** Adds a part to {@code /health} (the daily backups'), read on each request; it does not change the status. */
    public HealthRoutes part(java.util.function.Supplier<JsonObject> part) {
        parts.add(part);
        return this;
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> blocking.run(() -> {
            boolean db = database.isReachable();
            String espeak = speech.espeakVersion();
            String status = db && espeak != null ? pressure.degraded() ? "DEGRADED" : "UP" : "DOWN";
            JsonObject health = new JsonObject()
                    .put("status", status)
                    .put("database", db ? "UP" : "DOWN")
                    .put("speech", new JsonObject().put("espeak-ng", espeak != null ? "UP" : "DOWN")
                            .put("version", espeak == null ? null : withoutPaths(espeak)))
                    .mergeIn(pressure.describe());
            parts.forEach(part -> health.mergeIn(part.get()));
            return health;
        }).onComplete(r -> {
            JsonObject health = r.succeeded() ? r.result() : new JsonObject().put("status", "DOWN");
            Replies.json(ctx, "DOWN".equals(health.getString("status")) ? 503 : 200, health);
        }));
        router.get("/metrics").handler(this::mayReadMetrics).handler(PrometheusScrapingHandler.create(registry));
    }

    /** The version line without the folder espeak-ng reports its data in: an open page shows no server paths. */
    private static String withoutPaths(String version) {
        return version.replaceFirst("\\s*Data at:.*$", "").strip();
    }

    private void mayReadMetrics(RoutingContext ctx) {
        if (metricsToken.isEmpty()) {
            SocketAddress remote = ctx.request().remoteAddress();
            boolean local = remote != null && remote.hostAddress() != null && isLoopback(remote.hostAddress());
            if (local) {
                ctx.next();
            } else {
                ctx.fail(Refusal.forbidden(
                        "/metrics chỉ đọc được từ chính máy chủ, hoặc đặt metrics.token (LOA_METRICS_TOKEN)."));
            }
            return;
        }
        String header = ctx.request().getHeader("Authorization");
        byte[] expected = ("Bearer " + metricsToken).getBytes(StandardCharsets.UTF_8);
        if (header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8))) {
            ctx.next();
        } else {
            ctx.fail(new Refusal(Refusal.Kind.UNAUTHENTICATED,
                    "unauthorized", "/metrics cần mã metrics.token trong Authorization: Bearer."));
        }
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address: no name lookup happens.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
