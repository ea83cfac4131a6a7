package vn.loa.node;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import vn.loa.wire.control.ControlMessage;

/** Polls for a condition with a deadline, so tests wait exactly as long as they must and never sleep blindly. */
public final class Await {

    private Await() {
    }

    public static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not true after " + timeout.toMillis() + " ms: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** The next message of {@code type} from {@code queue}, skipping others (heartbeats, mostly). */
    public static <T extends ControlMessage> T next(BlockingQueue<ControlMessage> queue, Class<T> type,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                ControlMessage message = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("no " + type.getSimpleName() + " within " + timeout.toMillis() + " ms");
                }
                if (type.isInstance(message)) {
                    return type.cast(message);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + type.getSimpleName());
        }
    }
}
