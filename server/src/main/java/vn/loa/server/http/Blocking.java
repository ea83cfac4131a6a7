package vn.loa.server.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;

/** Runs blocking work (JDBC, password hashing) on Vert.x worker threads, so the event loop never waits. */
public final class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code work} on a worker; requests are independent, so no ordering is imposed between them. */
    public <T> Future<T> run(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }
}
