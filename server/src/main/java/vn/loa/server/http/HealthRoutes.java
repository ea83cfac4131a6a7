package vn.loa.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.micrometer.PrometheusScrapingHandler;
import vn.loa.server.db.Database;

/** {@code /health} (is the server ready?) and {@code /metrics} (Prometheus text); both open, for monitoring. */
public final class HealthRoutes {

    private final Database database;
    private final Blocking blocking;
    private final PrometheusMeterRegistry registry;

    public HealthRoutes(Database database, Blocking blocking, PrometheusMeterRegistry registry) {
        this.database = database;
        this.blocking = blocking;
        this.registry = registry;
    }

    public void mount(Router router) {
        router.get("/health").handler(ctx -> blocking.run(database::isReachable).onComplete(r -> {
            boolean up = r.succeeded() && r.result();
            Replies.json(ctx, up ? 200 : 503, new JsonObject()
                    .put("status", up ? "UP" : "DOWN")
                    .put("database", up ? "UP" : "DOWN"));
        }));
        router.get("/metrics").handler(PrometheusScrapingHandler.create(registry));
    }
}
