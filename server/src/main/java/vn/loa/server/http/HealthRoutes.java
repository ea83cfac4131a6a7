package vn.loa.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import vn.loa.server.db.Database;
import vn.loa.server.speech.SpeechReadiness;

/** {@code /health} (are the database and the speech engine ready?) and {@code /metrics} (Prometheus text); both open, for monitoring. */
public final class HealthRoutes {

    private final Database database;
    private final Blocking blocking;
    private final PrometheusMeterRegistry registry;
    private final SpeechReadiness speech;

    public HealthRoutes(Database database, SpeechReadiness speech, Blocking blocking, PrometheusMeterRegistry registry) {
        this.database = database;
        this.speech = speech;
        this.blocking = blocking;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> blocking.run(() -> {
            boolean db = database.isReachable();
            String espeak = speech.espeakVersion();
            return new JsonObject()
                    .put("status", db && espeak != null ? "UP" : "DOWN")
                    .put("database", db ? "UP" : "DOWN")
                    .put("speech", new JsonObject().put("espeak-ng", espeak != null ? "UP" : "DOWN")
                            .put("version", espeak));
        }).onComplete(r -> {
            JsonObject health = r.succeeded() ? r.result() : new JsonObject().put("status", "DOWN");
            Replies.json(ctx, "UP".equals(health.getString("status")) ? 200 : 503, health);
        }));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }
}
