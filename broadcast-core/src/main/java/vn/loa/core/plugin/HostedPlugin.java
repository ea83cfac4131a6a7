package vn.loa.core.plugin;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginContext;
import vn.loa.plugin.Settings;
import vn.loa.plugin.Unit;

/**
 * One loaded plugin and everything Loa keeps about it: its thread, whether it is enabled and started, and its
 * current problems by kind ({@code poll}, {@code deliver}, {@code alerts}...). Thread-safe.
 *
 * <p>A problem of one kind is cleared when a later call of that kind succeeds, so a portal that was down for an hour
 * shows DEGRADED for that hour only.
 */
final class HostedPlugin {

    final Plugin plugin;
    final String origin;
    /** The unit whose configuration this instance runs; null for the instance Loa only asks (name, validation). */
    final Unit unit;
    /** The plugin's name, known before this instance is started (a unit's instance); null until described. */
    private final String knownName;
    volatile PluginParts parts;
    volatile PluginCalls calls;
    volatile boolean enabled;
    volatile boolean started;
    volatile Settings settings = Settings.EMPTY;
    volatile String failure;
    /** Could not be loaded (no instance, a bad name, another API version, a duplicate): it can never start. */
    volatile boolean broken;
    /** Increases at every start and stop: a sink or a poll of an earlier start is ignored. */
    volatile int generation;
    volatile ScheduledFuture<?> polling;
    final AtomicBoolean pollBusy = new AtomicBoolean();
    /** Start and stop of this plugin, one after the other. */
    CompletableFuture<?> lifecycle = CompletableFuture.completedFuture(null);
    private final Map<String, String> problems = new TreeMap<>();

    HostedPlugin(Plugin plugin, String origin, String failure) {
        this(plugin, origin, failure, null, null);
    }

    HostedPlugin(Plugin plugin, String origin, String failure, Unit unit, String knownName) {
        this.plugin = plugin;
        this.origin = origin;
        this.failure = failure;
        this.unit = unit;
        this.knownName = knownName;
    }

    String name() {
        return knownName != null ? knownName : parts != null ? parts.name() : origin;
    }

    synchronized void problem(String kind, String reason) {
        problems.put(kind, reason);
    }

    synchronized void solved(String kind) {
        problems.remove(kind);
    }

    synchronized void clearProblems() {
        problems.clear();
    }

    synchronized PluginStatus status() {
        PluginState state;
        String reason = null;
        if (failure != null) {
            state = PluginState.FAILED;
            reason = failure;
        } else if (!enabled) {
            state = PluginState.DISABLED;
        } else if (!problems.isEmpty()) {
            state = PluginState.DEGRADED;
            reason = String.join("; ", problems.values());
        } else {
            state = PluginState.RUNNING;
        }
        PluginParts p = parts;
        return new PluginStatus(name(), p == null ? "" : p.description(), p == null ? 0 : p.apiVersion(),
                p == null ? java.util.List.of() : p.capabilities(), origin, enabled, state, reason, unit);
    }

    /** The context of one start: reports go to this plugin only while that start lasts. */
    PluginContext context(Settings settings, Path dataDir, Clock clock) {
        int at = generation;
        return new PluginContext() {
            @Override
            public Settings settings() {
                return settings;
            }

            @Override
            public Path dataDir() {
                return dataDir;
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public Unit unit() {
                return unit;
            }

            @Override
            public void degraded(String reason) {
                if (generation == at) {
                    problem("plugin", String.valueOf(reason));
                }
            }

            @Override
            public void recovered() {
                if (generation == at) {
                    solved("plugin");
                }
            }
        };
    }
}
