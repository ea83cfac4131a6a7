package vn.loa.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded queue that sign-in password checks (Argon2, tens of milliseconds of CPU each) wait in, on threads of
 * their own: a flood of wrong passwords from many addresses fills this queue and is then refused at once, while
 * {@code /health} and the API keep the shared worker pool and the other core (issue 22).
 *
 * <p>Thread-safe. Its threads end with the Vert.x instance.
 */
public final class PasswordQueue {

    /** The queue is full: the request was not run and may be tried again shortly. */
    public static final class Full extends RuntimeException {
        Full() {
            super("password checks queue full", null, false, false);
        }
    }

    private final WorkerExecutor threads;
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param threads  password checks run at once (each takes one core while it runs)
     * @param capacity checks running or waiting at most; more are refused with {@link Full}
     */
    public PasswordQueue(Vertx vertx, int threads, int capacity) {
        this.threads = vertx.createSharedWorkerExecutor("loa-password-checks", threads);
        this.capacity = capacity;
    }

    /** Runs {@code work} on a password thread, or fails at once with {@link Full}. */
    public <T> Future<T> run(Callable<T> work) {
        if (waiting.incrementAndGet() > capacity) {
            waiting.decrementAndGet();
            return Future.failedFuture(new Full());
        }
        return threads.executeBlocking(work, false).onComplete(r -> waiting.decrementAndGet());
    }
}
