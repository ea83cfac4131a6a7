package vn.loa.core.plugin;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.PluginApi;
import vn.loa.plugin.Unit;

/**
 * The polls of the plugins' content sources, at each source's own interval, on the host's timer; a poll still running
 * is not joined by another. In a cluster a server polls only the sources it holds (see {@link #pollOnly}).
 */
final class PluginPolling {

    private final ScheduledExecutorService timer;
    private final PluginLimits limits;
    private final PluginIntake intake;
    /** Whether this server polls a source now: alone always; in a cluster only the member holding its lease. */
    private volatile java.util.function.Predicate<String> polls = poller -> true;

    PluginPolling(ScheduledExecutorService timer, PluginLimits limits, PluginIntake intake) {
        this.timer = timer;
        this.limits = limits;
        this.intake = intake;
    }

    void pollOnly(java.util.function.Predicate<String> polls) {
        this.polls = polls;
    }

    /** The name of a unit's content source of plugin {@code name}, as {@link PluginHost#pollOnly} is asked it. */
    static String pollerName(String name, Unit unit) {
        return "poll:" + name + "@" + (unit == null ? "" : unit.id());
    }

    /** Polls {@code h}'s source from now on, while its generation lasts. */
    void schedule(HostedPlugin h, int generation) {
        Duration every = h.parts.content().get().interval();
        long millis = Math.max(every.toMillis(), 100);
        h.polling = timer.scheduleWithFixedDelay(() -> poll(h, generation), 0, millis, TimeUnit.MILLISECONDS);
    }

    private void poll(HostedPlugin h, int generation) {
        if (!polls.test(pollerName(h.name(), h.unit))) {
            return;
        }
        // A poll still running (or hanging) is not joined by another: the queue stays free for other calls.
        if (h.generation != generation || !h.pollBusy.compareAndSet(false, true)) {
            return;
        }
        h.calls.call("poll", limits.pollTimeout(), () -> h.parts.content().get().poll()).whenComplete((items, e) -> {
            h.pollBusy.set(false);
            if (h.generation != generation) {
                return;
            }
            if (e != null) {
                h.problem("poll", PluginCalls.reason(e));
                return;
            }
            if (items.size() > PluginApi.ITEMS_PER_POLL) {
                h.problem("poll", "trả về " + items.size() + " mục một lần, chỉ lấy " + PluginApi.ITEMS_PER_POLL
                        + " / flooding: too many items");
            } else {
                h.solved("poll");
            }
            for (ContentItem item : items.subList(0, Math.min(items.size(), PluginApi.ITEMS_PER_POLL))) {
                intake.proposed(h, generation, item);
            }
        });
    }
}
