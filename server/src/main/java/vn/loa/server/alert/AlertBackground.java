package vn.loa.server.alert;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;

/**
 * What alerts do on their own, once a second (ADR 0051): the next airings of the series on air ({@link AlertRepeats})
 * the polls of the CAP feeds due ({@link AlertFeedPoller})
 * and the speakers that did not air an alert ({@link AlertDownWatch}). Each runs on a worker, one pass at a time, so a slow
 * feed never delays a repeat.
 */
public final class AlertBackground implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertBackground.class);

    private final Vertx vertx;
    private final long timer;

    private AlertBackground(Vertx vertx, Runnable... works) {
        this.vertx = vertx;
        AtomicBoolean[] busy = new AtomicBoolean[works.length];
        for (int i = 0; i < works.length; i++) {
            busy[i] = new AtomicBoolean();
        }
        this.timer = vertx.setPeriodic(1000, t -> {
            for (int i = 0; i < works.length; i++) {
                AtomicBoolean running = busy[i];
                Runnable work = works[i];
                if (running.compareAndSet(false, true)) {
                    vertx.executeBlocking(() -> {
                        work.run();
                        return null;
                    }, false).onComplete(r -> {
                        running.set(false);
                        if (r.failed()) {
                            LOG.warn("alert background work failed: {}", r.cause().toString());
                        }
                    });
                }
            }
        });
    }

    /**
     * Starts the repeats, the feed polls and the watch for speakers down ({@code downAfter} without a confirmed play),
     * which are told to {@code down}.
     */
    public static AlertBackground start(Vertx vertx, Jdbi jdbi, AnnouncementService announcements, AlertBanners banners,
            CapIntake intake, AuditLog audit, Duration downAfter, Consumer<AlertDownWatch.Down> down, Clock clock) {
        return new AlertBackground(vertx, new AlertRepeats(jdbi, announcements, banners, clock)::tick,
                new AlertFeedPoller(jdbi, intake, clock)::pollDue,
                new AlertDownWatch(jdbi, audit, clock, downAfter, down)::tick);
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
