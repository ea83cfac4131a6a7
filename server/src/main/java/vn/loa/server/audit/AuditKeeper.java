package vn.loa.server.audit;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.config.AuditSettings;

/**
 * Keeps the audit log beyond the database (ADR 0027), on one thread of its own: forwards new rows to syslog, takes the
 * signed digests when due, and removes rows past their retention. A failure is logged and retried at the next look;
 * nothing here can delay the request that wrote a row.
 */
public final class AuditKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditKeeper.class);
    private static final Duration REMOVAL_EVERY = Duration.ofHours(1);

    private final AuditSettings settings;
    private final Clock clock;
    private final AuditForwarder forwarder;
    private final SyslogLink link;
    private final AuditDigests digests;
    private final AuditRetention retention;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loa-audit-keeper");
        t.setDaemon(true);
        return t;
    });
    private Instant lastDigest;
    private Instant lastRemoval = Instant.MIN;
    private boolean receiverAway;

    public AuditKeeper(Jdbi jdbi, AuditLog audit, AuditSeal seal, AuditSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.link = settings.syslog() == null ? null : new SyslogLink(settings.syslog(), settings.syslogCa());
        this.forwarder = link == null ? null
                : new AuditForwarder(jdbi, link, new SyslogFormat(hostname(), ProcessHandle.current().pid()));
        this.digests = new AuditDigests(jdbi, audit, seal, clock);
        this.retention = new AuditRetention(jdbi, audit, clock);
    }

    /** Starts looking every {@code forwardEvery}. */
    public AuditKeeper start() {
        long every = settings.forwardEvery().toMillis();
        thread.scheduleWithFixedDelay(this::look, 0, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void look() {
        try {
            Instant now = clock.instant();
            if (lastDigest == null) {
                lastDigest = digests.newest().orElse(Instant.MIN);
            }
            if (!now.isBefore(lastDigest.plus(settings.digestEvery()))) {
                int taken = digests.takeAll();
                lastDigest = now;
                LOG.info("audit: {} unit chain(s) sealed with a signed digest", taken);
            }
            if (settings.retentionDays() > 0 && !now.isBefore(lastRemoval.plus(REMOVAL_EVERY))) {
                lastRemoval = now;
                // Never remove what the syslog receiver has not got yet.
                long keepAfter = forwarder == null ? Long.MAX_VALUE : forwarder.sentThrough();
                long removed = retention.removeBefore(now.minus(Duration.ofDays(settings.retentionDays())), keepAfter);
                if (removed > 0) {
                    LOG.info("audit: {} row(s) older than {} days removed", removed, settings.retentionDays());
                }
            }
            forward();
        } catch (RuntimeException e) {
            LOG.warn("audit keeping failed, will try again: {}", e.toString());
        }
    }

    private void forward() {
        if (forwarder == null) {
            return;
        }
        try {
            forwarder.forward();
            if (receiverAway) {
                receiverAway = false;
                LOG.info("audit: syslog receiver {} is back, waiting rows sent", settings.syslog());
            }
        } catch (IOException e) {
            if (!receiverAway) {
                receiverAway = true;
                LOG.warn("audit: syslog receiver {} cannot be reached ({}); rows wait in the database",
                        settings.syslog(), e.getMessage());
            }
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "-";
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (link != null) {
            link.close();
        }
    }
}
