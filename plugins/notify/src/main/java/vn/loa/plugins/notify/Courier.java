package vn.loa.plugins.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import vn.loa.plugin.AiredNotice;

/**
 * Carries notices to the channels on a thread of its own: each failed send is tried again after a delay that doubles
 * ({@code firstDelay}, 2×, 4×...), and after the last retry the notice goes to the dead-letter list with the reason,
 * where an admin sees it and can send it again. At most {@link #MAX_PENDING} sends wait; beyond that a notice goes
 * straight to the dead letters, so a dead receiver cannot make the plugin hoard memory.
 */
final class Courier implements AutoCloseable {

    static final int MAX_PENDING = 1000;

    /** A notice that could not be delivered to one channel. */
    record DeadLetter(String channel, AiredNotice notice, int attempts, String lastError, Instant failedAt) {
    }

    private final List<Channel> channels;
    private final int retries;
    private final Duration firstDelay;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "notify-courier");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final List<DeadLetter> dead = new ArrayList<>();

    Courier(List<Channel> channels, int retries, Duration firstDelay, Clock clock) {
        this.channels = List.copyOf(channels);
        this.retries = retries;
        this.firstDelay = firstDelay;
        this.clock = clock;
    }

    /** Queues a notice for every channel; returns at once. */
    void post(AiredNotice notice) {
        for (Channel c : channels) {
            attempt(c, notice, 1, 0);
        }
    }

    private void attempt(Channel channel, AiredNotice notice, int attempt, long delayMillis) {
        if (pending.incrementAndGet() > MAX_PENDING) {
            pending.decrementAndGet();
            bury(channel, notice, attempt - 1, "quá nhiều tin đang chờ gửi / queue full");
            return;
        }
        worker.schedule(() -> {
            pending.decrementAndGet();
            try {
                channel.send(notice);
                sent.incrementAndGet();
            } catch (Exception e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                if (attempt <= retries) {
                    attempt(channel, notice, attempt + 1, firstDelay.toMillis() << (attempt - 1));
                } else {
                    bury(channel, notice, attempt, reason);
                }
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private synchronized void bury(Channel channel, AiredNotice notice, int attempts, String reason) {
        dead.add(new DeadLetter(channel.name(), notice, attempts, reason, clock.instant()));
    }

    /** The dead letters {@code which} selects (those of the asker's unit). */
    synchronized List<DeadLetter> deadLetters(Predicate<DeadLetter> which) {
        return dead.stream().filter(which).toList();
    }

    /** Sends the dead letters {@code which} selects again (with fresh retries); returns how many. */
    int retryDeadLetters(Predicate<DeadLetter> which) {
        List<DeadLetter> again;
        synchronized (this) {
            again = dead.stream().filter(which).toList();
            dead.removeAll(again);
        }
        for (DeadLetter d : again) {
            channels.stream().filter(c -> c.name().equals(d.channel())).findFirst()
                    .ifPresent(c -> attempt(c, d.notice(), 1, 0));
        }
        return again.size();
    }

    long sent() {
        return sent.get();
    }

    int pending() {
        return pending.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
