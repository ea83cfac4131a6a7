package vn.loa.server.air;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The air's records (an airing's state changes, its delivery rows, agents' reports) written behind the air, in order,
 * by a thread of their own, so a database that stalls holds back the records and never the sound (ADR 0025).
 *
 * <p>The queue is bounded: when it is full the caller writes in line, as before this existed. A write that fails
 * because the database is away (a lost connection, a full disk, a pool timeout) is tried again until it goes through;
 * one that fails for any other reason is logged and dropped, as an air step that failed always was. {@link #close}
 * writes everything still queued before the database is closed.
 */
final class AirRecords implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AirRecords.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final ThreadPoolExecutor writer;
    private final Duration flushLimit;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean closing;

    /**
     * @param capacity records that may wait; past it callers write in line
     * @param flushLimit how long {@link #close} waits for the queue to drain while the database is away
     */
    AirRecords(int capacity, Duration flushLimit) {
        this.flushLimit = flushLimit;
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(capacity), r -> {
            Thread t = new Thread(r, "loa-air-records");
            t.setDaemon(true);
            return t;
        }, (task, full) -> task.run()); // full, or closed while the air stops: written in line, never dropped
    }

    /** Writes {@code record} (a database step) after every record handed over before it. */
    void write(Runnable record) {
        waiting.incrementAndGet();
        writer.execute(() -> {
            try {
                persist(record);
            } finally {
                waiting.decrementAndGet();
            }
        });
    }

    /** Records handed over and not yet written. */
    int waiting() {
        return waiting.get();
    }

    private void persist(Runnable record) {
        Duration pause = FIRST_RETRY;
        long giveUpAt = Long.MAX_VALUE;
        while (true) {
            try {
                record.run();
                return;
            } catch (RuntimeException e) {
                if (!vn.loa.server.db.DatabaseAway.is(e)) {
                    LOG.warn("an air record could not be written", e);
                    return;
                }
                if (closing && giveUpAt == Long.MAX_VALUE) {
                    giveUpAt = System.nanoTime() + flushLimit.toNanos();
                }
                if (System.nanoTime() > giveUpAt) {
                    LOG.error("an air record is lost: the database stayed away while the server stopped", e);
                    return;
                }
                LOG.warn("database away; the air record is tried again in {} ms: {}", pause.toMillis(), e.toString());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    LOG.error("an air record is lost: interrupted while the database was away", e);
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
            }
        }
    }

    /** Writes what is queued (waiting up to the flush limit while the database is away), then stops. */
    @Override
    public void close() {
        closing = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(flushLimit.toMillis() + LAST_RETRY.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.error("{} air records were not written before the server stopped", waiting.get());
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }
}
