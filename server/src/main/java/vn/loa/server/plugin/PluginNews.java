package vn.loa.server.plugin;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.function.BiConsumer;
import vn.loa.plugin.Unit;

/**
 * A unit's plugin configuration changed on one member, told to the others over the clustered event bus (ADR 0049):
 * each starts, stops or reconfigures its own instance from the saved settings, so the members run the same plugins
 * and any of them can take a poller over. Alone, nothing is sent.
 */
final class PluginNews {

    private static final String CHANGED = "loa.plugins.changed";

    private final Vertx vertx;
    private final String self = UUID.randomUUID().toString();

    PluginNews(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Hands each change made on another member to {@code reapply}, on a worker thread (it reads the database). */
    void listen(BiConsumer<String, Unit> reapply) {
        if (!vertx.isClustered()) {
            return;
        }
        vertx.eventBus().<JsonObject>consumer(CHANGED, message -> {
            JsonObject news = message.body();
            if (!self.equals(news.getString("from"))) {
                vertx.executeBlocking(() -> {
                    reapply.accept(news.getString("name"), new Unit(news.getString("unit"), news.getString("path")));
                    return null;
                });
            }
        });
    }

    /** {@code name}'s configuration for {@code unit} was saved or removed here. */
    void changed(String name, Unit unit) {
        if (vertx.isClustered()) {
            vertx.eventBus().publish(CHANGED, new JsonObject().put("name", name).put("unit", unit.id())
                    .put("path", unit.path()).put("from", self));
        }
    }
}
