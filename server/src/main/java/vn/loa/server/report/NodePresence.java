package vn.loa.server.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.db.Rows;

/**
 * Records when node agents are connected, one {@code node_presence} row per stay online, for the availability report.
 *
 * <p>Arrivals and departures are written in order on one thread of its own, so the control channel never waits for
 * the database. Rows left open by a server that stopped are closed at the next start, at that start's time: the agents
 * were disconnected by the stop, so the report counts the downtime as online only for the minutes the server was down.
 * A member of a cluster closes none at its start or stop: the open rows are the other members' agents (ADR 0049); an
 * agent of a member that died has its stay closed when it arrives on another.
 */
public final class NodePresence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodePresence.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loa-presence");
        t.setDaemon(true);
        return t;
    });

    private final boolean alone;

    /** @param alone false for a member of a cluster, whose agents' rows are shared with the other members */
    public NodePresence(Jdbi jdbi, Clock clock, boolean alone) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.alone = alone;
        if (alone) {
            closeOpen();
        }
    }

    /** Tells the report a node came online ({@code true}) or went offline. Thread-safe; returns at once. */
    public void changed(String nodeId, boolean online) {
        OffsetDateTime at = now();
        try {
            writer.execute(() -> record(nodeId, online, at));
        } catch (RejectedExecutionException stopping) {
            // The server is stopping: close() ends every open stay at its own time.
        }
    }

    private void record(String nodeId, boolean online, OffsetDateTime at) {
        try {
            jdbi.useHandle(h -> {
                h.createUpdate("UPDATE node_presence SET online_to = :at WHERE node_id = :node AND online_to IS NULL")
                        .bind("node", nodeId).bind("at", at).execute();
                if (online) {
                    h.createUpdate("INSERT INTO node_presence (node_id, online_from) VALUES (:node, :at)")
                            .bind("node", nodeId).bind("at", at).execute();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record that node {} is {}", nodeId, online ? "online" : "offline", e);
        }
    }

    private void closeOpen() {
        jdbi.useHandle(h -> h.createUpdate("UPDATE node_presence SET online_to = :at WHERE online_to IS NULL")
                .bind("at", now()).execute());
    }

    private OffsetDateTime now() {
        return Rows.utc(clock.instant());
    }

    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (alone) {
            closeOpen();
        }
    }
}
