package vn.loa.server.link;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The long polls held open per downstream: a poll that found nothing waits here until a message for its downstream
 * is committed ({@link #wake}) or its time is up. Thread-safe; the timers run on Vert.x.
 */
final class PollWaiters {

    private final Vertx vertx;
    private final Map<String, List<Promise<Void>>> waiting = new ConcurrentHashMap<>();

    PollWaiters(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Completes when a message for {@code downstream} is committed, or after {@code millis}. */
    Future<Void> await(String downstream, long millis) {
        Promise<Void> promise = Promise.promise();
        List<Promise<Void>> list = waiting.computeIfAbsent(downstream, k -> new CopyOnWriteArrayList<>());
        list.add(promise);
        long timer = vertx.setTimer(Math.max(1, millis), t -> promise.tryComplete());
        return promise.future().onComplete(x -> {
            vertx.cancelTimer(timer);
            list.remove(promise);
        });
    }

    void wake(String downstream) {
        List<Promise<Void>> list = waiting.get(downstream);
        if (list != null) {
            list.forEach(Promise::tryComplete);
        }
    }
}
