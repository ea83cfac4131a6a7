package vn.loa.server.link;

import io.vertx.core.Vertx;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.http.Blocking;

/** A periodic job of the link that reads the database: run on a worker, a failure logged and tried at the next turn. */
final class LinkTimer {

    private static final Logger LOG = LoggerFactory.getLogger(LinkTimer.class);

    private LinkTimer() {
    }

    /** Runs {@code tick} every {@code every} on a worker; the timer's id, to cancel it. */
    static long every(Vertx vertx, Blocking blocking, Duration every, String what, Runnable tick) {
        return vertx.setPeriodic(every.toMillis(), t -> blocking.run(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
            }
            return null;
        }));
    }
}
