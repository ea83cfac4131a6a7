package vn.loa.core.plugin;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One plugin's own thread: its calls run there one at a time, wait in a bounded queue, and end after a time limit.
 *
 * <p>{@link #call} never blocks the caller: a full queue fails the returned future at once, and a call that overruns
 * is interrupted and fails its future with the reason. A plugin that ignores the interrupt keeps its thread busy; its
 * queue then fills and every further call is refused, until Loa replaces this object at the next start.
 */
final class PluginCalls implements AutoCloseable {

    private final String name;
    private final ThreadPoolExecutor thread;
    private final ScheduledExecutorService timer;

    PluginCalls(String name, int queue, ScheduledExecutorService timer) {
        this.name = name;
        this.timer = timer;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
            Thread t = new Thread(r, "loa-plugin-" + name);
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code work} on the plugin's thread; {@code what} names it in the reason of a failure. */
    <T> CompletableFuture<T> call(String what, Duration timeout, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Future<?> task;
        try {
            task = thread.submit(() -> {
                try {
                    result.complete(work.call());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(trouble(what + ": bị ngắt / interrupted", e));
                } catch (Throwable e) {
                    // Anything a plugin throws, errors included, stays with the plugin.
                    result.completeExceptionally(trouble(what + ": " + describe(e), e));
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(trouble(what + ": hàng đợi của plugin đã đầy, bỏ qua lần gọi này "
                    + "/ queue full, call dropped", e));
            return result;
        }
        var deadline = timer.schedule(() -> {
            if (result.completeExceptionally(trouble(what + ": không trả lời trong " + timeout.toMillis() + " ms "
                    + "/ no answer in time", null))) {
                task.cancel(true);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> deadline.cancel(false));
        return result;
    }

    private PluginTrouble trouble(String reason, Throwable cause) {
        return new PluginTrouble(reason, cause);
    }

    /** Why a call failed, in words for the admin: the plugin's own trouble, or what was thrown. */
    static String reason(Throwable e) {
        Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        return t instanceof PluginTrouble ? t.getMessage() : describe(t);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    @Override
    public String toString() {
        return "PluginCalls[" + name + "]";
    }
}
