package vn.loa.server.link;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The downstream's two threads towards its upstream. The poller holds a long poll open and applies what it brings;
 * the sender sends the outbox's reports one by one in order, each removed once the upstream has it (a 409
 * {@code replayed} means it had it already). Both back off from one second up to {@code retryMax} while the upstream
 * does not answer, and note the error in the link's state. Owns its threads; {@link #close} stops them.
 */
public final class UpstreamClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);

    private final Jdbi jdbi;
    private final Upstream upstream;
    private final UpstreamExchange exchange;
    private final Outbox outbox;
    private final LinkIdentity identity;
    private final UpstreamCalls calls;
    private final Duration pollWait;
    private final Duration retryMax;
    private final java.time.Clock clock;
    private final Object signal = new Object();
    private volatile boolean running = true;
    private final Thread poller;
    private final Thread sender;

    UpstreamClient(Jdbi jdbi, Upstream upstream, UpstreamExchange exchange, Outbox outbox, LinkIdentity identity,
            UpstreamCalls calls, Duration pollWait, Duration retryMax, java.time.Clock clock) {
        this.clock = clock;
        this.jdbi = jdbi;
        this.upstream = upstream;
        this.exchange = exchange;
        this.outbox = outbox;
        this.identity = identity;
        this.calls = calls;
        this.pollWait = pollWait;
        this.retryMax = retryMax;
        this.poller = new Thread(() -> loop(this::pollOnce), "link-poller");
        this.sender = new Thread(() -> loop(this::sendOnce), "link-sender");
    }

    UpstreamClient start() {
        poller.setDaemon(true);
        sender.setDaemon(true);
        poller.start();
        sender.start();
        return this;
    }

    /** Wakes the threads: a link was made, or a report waits. */
    void wake() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    private interface Attempt {
        /** True when there may be more to do at once; false to wait for a wake-up (or a second). */
        boolean run(UpstreamLink link) throws IOException, InterruptedException;
    }

    private void loop(Attempt attempt) {
        long pause = 1000;
        String lastError = null;
        while (running) {
            try {
                Optional<UpstreamLink> link = upstream.current();
                boolean more = link.isPresent() && attempt.run(link.get());
                pause = 1000;
                if (lastError != null) {
                    LOG.info("{}: the upstream answers again", Thread.currentThread().getName());
                    lastError = null;
                }
                if (!more) {
                    idle(1000);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (!e.toString().equals(lastError)) { // once per kind of failure, not at every retry
                    LOG.warn("{}: the upstream cannot be reached or refuses: {}", Thread.currentThread().getName(),
                            e.toString(), e instanceof IOException ? null : e);
                    lastError = e.toString();
                }
                try {
                    upstream.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                } catch (RuntimeException ignored) {
                    // the database is away too: the next attempt notes it
                }
                try {
                    idle(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = Math.min(pause * 2, retryMax.toMillis());
            }
        }
    }

    private void idle(long millis) throws InterruptedException {
        synchronized (signal) {
            signal.wait(millis);
        }
    }

    private boolean pollOnce(UpstreamLink link) throws IOException, InterruptedException {
        UpstreamCalls.Answer answer = calls.poll(link.url(), exchange.poll(link, pollWait), pollWait);
        if (!answer.ok()) {
            throw new IOException("the upstream answered the poll with " + answer.status() + " " + answer.error()
                    + ": " + answer.body().getString("message", ""));
        }
        exchange.answered(link, answer.body());
        return true;
    }

    private boolean sendOnce(UpstreamLink link) throws IOException, InterruptedException {
        Optional<Outbox.Pending> next = jdbi.withHandle(h -> outbox.first(h, link.upstreamId(), Envelope.REPORTS));
        if (next.isEmpty()) {
            return false;
        }
        Outbox.Pending p = next.get();
        UpstreamCalls.Answer answer = calls.send(link.url(), identity.sign(p.envelope(link.systemId(), clock.instant())));
        if (answer.ok() || (answer.status() == 409 && "replayed".equals(answer.error()))) {
            jdbi.useHandle(h -> outbox.acknowledged(h, link.upstreamId(), Envelope.REPORTS, p.seq()));
            return true;
        }
        throw new IOException("the upstream refused report " + p.seq() + ": " + answer.status() + " " + answer.error()
                + ": " + answer.body().getString("message", ""));
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        sender.interrupt();
    }
}
