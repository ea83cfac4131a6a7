package vn.loa.server.link;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.db.Rows;
import vn.loa.server.http.Blocking;

/**
 * The link's backlog in {@code /metrics}: messages waiting in the outbox for any peer
 * ({@code loa_link_backlog_messages}) and the age of the oldest ({@code loa_link_oldest_unsent_seconds}). The scrape
 * runs on the event loop, so the values are read from the database every few seconds on a worker and kept here.
 */
final class LinkMetrics implements AutoCloseable {

    private static final Duration EVERY = Duration.ofSeconds(5);

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();
    private final Vertx vertx;
    private final long timer;

    LinkMetrics(Vertx vertx, Jdbi jdbi, Blocking blocking, MeterRegistry registry, Clock clock) {
        this.vertx = vertx;
        Gauge.builder("loa.link.backlog.messages", backlog, AtomicLong::get)
                .description("Province link messages waiting for a peer to take them").register(registry);
        Gauge.builder("loa.link.oldest.unsent.seconds", oldestSeconds, AtomicLong::get)
                .description("Age of the oldest province link message not yet taken by its peer").register(registry);
        timer = vertx.setPeriodic(EVERY.toMillis(), t -> blocking.run(() -> jdbi.withHandle(h ->
                h.createQuery("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM link_outbox")
                        .map((rs, ctx) -> {
                            backlog.set(rs.getLong("n"));
                            oldestSeconds.set(rs.getObject("oldest") == null ? 0
                                    : Duration.between(Rows.instant(rs, "oldest"), clock.instant()).toSeconds());
                            return true;
                        }).one())));
    }

    @Override
    public void close() {
        vertx.cancelTimer(timer);
    }
}
