package vn.loa.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import vn.loa.server.db.Database;
import vn.loa.server.speech.SpeechReadiness;

/**
 * {@code /health} (are the database and the speech engine ready, is the air behind, is memory short?) and
 * {@code /metrics} (Prometheus text); both open, for monitoring. DOWN answers 503; DEGRADED answers 200, since the
 * server still works, with the reason in its {@code air} or {@code memory} part.
 */
public final class HealthRoutes {

    private final Database database;
    private final Blocking blocking;
    private final PrometheusMeterRegistry registry;
    private final SpeechReadiness speech;
    private final Pressure pressure;

    public HealthRoutes(Database database, SpeechReadiness speech, Pressure pressure, Blocking blocking,
            PrometheusMeterRegistry registry) {
        this.database = database;
        this.pressure = pressure.register(registry);
        this.speech = speech;
        this.blocking = blocking;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> blocking.run(() -> {
            boolean db = database.isReachable();
            String espeak = speech.espeakVersion();
            String status = db && espeak != null ? pressure.degraded() ? "DEGRADED" : "UP" : "DOWN";
            return new JsonObject()
                    .put("status", status)
                    .put("database", db ? "UP" : "DOWN")
                    .put("speech", new JsonObject().put("espeak-ng", espeak != null ? "UP" : "DOWN")
                            .put("version", espeak))
                    .mergeIn(pressure.describe());
        }).onComplete(r -> {
            JsonObject health = r.succeeded() ? r.result() : new JsonObject().put("status", "DOWN");
            Replies.json(ctx, "DOWN".equals(health.getString("status")) ? 503 : 200, health);
        }));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }
}
