package vn.loa.server.display;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.http.Blocking;

/**
 * Players' proof-of-play reports on their way to the database: queued, then stored by one worker task at a time in
 * batches of up to {@link #BATCH} (one transaction each, so a thousand players reporting do not take every worker
 * thread), and each acknowledged once stored. A full queue drops a report unacknowledged: its player sends it again.
 * Thread-safe.
 */
final class PlayReports {

    /** Reports stored in one transaction at most. */
    static final int BATCH = 500;
    /** Reports waiting at most; beyond, players keep theirs and resend. */
    static final int QUEUE_LIMIT = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(PlayReports.class);

    /** A report and what to do once it is stored (tell its player). */
    record Pending(BoardContentRepository.Play play, Runnable stored) {
    }

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Function<List<BoardContentRepository.Play>, ?> store;
    private final Blocking blocking;

    /** @param store stores a batch (blocking, on a worker) */
    PlayReports(Function<List<BoardContentRepository.Play>, ?> store, Blocking blocking) {
        this.store = store;
        this.blocking = blocking;
    }

    void add(BoardContentRepository.Play play, Runnable stored) {
        if (size.incrementAndGet() > QUEUE_LIMIT) {
            size.decrementAndGet();
            return;
        }
        queue.add(new Pending(play, stored));
        if (draining.compareAndSet(false, true)) {
            blocking.run(this::drain).onFailure(e -> {
                draining.set(false);
                LOG.warn("proof of play not stored", e);
            });
        }
    }

    private Void drain() {
        while (true) {
            List<Pending> batch = new ArrayList<>();
            for (Pending p = queue.poll(); p != null; p = batch.size() < BATCH ? queue.poll() : null) {
                batch.add(p);
            }
            if (batch.isEmpty()) {
                draining.set(false);
                // A report queued after the poll and before the flag went down would wait for the next one: take it.
                if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
                    return null;
                }
                continue;
            }
            size.addAndGet(-batch.size());
            try {
                store.apply(batch.stream().map(Pending::play).toList());
                batch.forEach(p -> p.stored().run());
            } catch (RuntimeException e) {
                LOG.warn("{} proof-of-play reports not stored; their players will send them again", batch.size(), e);
            }
        }
    }
}
