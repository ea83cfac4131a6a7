package vn.loa.server.air;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The announcements handed to the air that have not started going on air yet, and how long the oldest has waited:
 * the measure of an air path that is behind, for {@code /health} and {@code /metrics}.
 *
 * <p>Thread-safe. Waiting in an arbiter behind a higher priority is not counted: that is the air working.
 */
public final class AirBacklog {

    private final Map<Long, Long> waitingSince = new ConcurrentHashMap<>();
    private final AtomicLong tickets = new AtomicLong();
    private final LongSupplier nanoTime;

    public AirBacklog(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Runs {@code task} on {@code executor}, counted as waiting until it starts. */
    public void submit(Executor executor, Runnable task) {
        long ticket = tickets.incrementAndGet();
        waitingSince.put(ticket, nanoTime.getAsLong());
        try {
            executor.execute(() -> {
                waitingSince.remove(ticket);
                task.run();
            });
        } catch (RuntimeException e) {
            waitingSince.remove(ticket);
            throw e;
        }
    }

    /** How many announcements wait to start. */
    public int waiting() {
        return waitingSince.size();
    }

    /** How long the announcement waiting longest has waited; zero when none waits. */
    public Duration oldestWait() {
        long now = nanoTime.getAsLong();
        return Duration.ofNanos(waitingSince.values().stream().mapToLong(since -> now - since).max().orElse(0));
    }
}
