package vn.loa.core.plugin;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import vn.loa.plugin.AlertSink;
import vn.loa.plugin.ContentItem;

/**
 * Carries what plugins produce (content items, alerts) to the {@link PluginHost.Outlet} on one bounded thread of its
 * own, in the unit of the instance that produced it, and reports what the outlet refused as that instance's problem.
 * Nothing here waits: a full queue drops the item and says so.
 */
final class PluginIntake implements AutoCloseable {

    /** What the outlet must do with a plugin's output. */
    private interface Work {
        void run() throws Exception;
    }

    private final PluginHost.Outlet outlet;
    private final Clock clock;
    private final int alertsPerMinute;
    private final ThreadPoolExecutor thread;

    PluginIntake(PluginHost.Outlet outlet, Clock clock, int alertsPerMinute) {
        this.outlet = outlet;
        this.clock = clock;
        this.alertsPerMinute = alertsPerMinute;
        this.thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "loa-plugin-intake");
            t.setDaemon(true);
            return t;
        });
    }

    /** Passes an item the instance found while the start {@code generation} lasts. */
    void proposed(HostedPlugin h, int generation, ContentItem item) {
        submit(h, generation, "content", () -> outlet.proposed(h.name(), h.unit, item));
    }

    /** The sink of one start of an alert trigger: refuses alerts beyond the per-minute limit, and after that start. */
    AlertSink sink(HostedPlugin h, int generation) {
        AlertGate gate = new AlertGate(clock, alertsPerMinute);
        return alert -> {
            if (h.generation != generation || alert == null) {
                return false;
            }
            if (!gate.admit()) {
                h.problem("alerts", "quá " + alertsPerMinute + " cảnh báo mỗi phút, bỏ qua phần thừa "
                        + "/ flooding: alerts refused");
                return false;
            }
            return submit(h, generation, "alert", () -> outlet.raised(h.name(), h.unit, alert));
        };
    }

    private boolean submit(HostedPlugin h, int generation, String kind, Work work) {
        try {
            thread.execute(() -> {
                if (h.generation != generation) {
                    return;
                }
                try {
                    work.run();
                    if (h.generation == generation) {
                        h.solved(kind);
                    }
                } catch (Exception | LinkageError e) {
                    // A refusal from Loa (a zone outside the plugin's unit) says it all in its message.
                    if (h.generation == generation) {
                        h.problem(kind, e.getMessage() != null ? e.getMessage() : PluginCalls.describe(e));
                    }
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            h.problem(kind, "Loa đang quá tải, bỏ qua / intake full, dropped");
            return false;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
