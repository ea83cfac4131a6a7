package vn.loa.core.plugin;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.Unit;

/**
 * The instances of the plugins that units configured, one per plugin and unit, and which of them serves a unit: the
 * one of the nearest unit at or above it. Thread-safe.
 */
final class UnitInstances {

    private final Map<String, Supplier<Plugin>> factories = new ConcurrentHashMap<>();
    /** Plugin name → unit id → the instance started with that unit's settings. */
    private final Map<String, Map<String, HostedPlugin>> byPlugin = new ConcurrentHashMap<>();
    private final PluginLimits limits;
    private final ScheduledExecutorService timer;

    UnitInstances(PluginLimits limits, ScheduledExecutorService timer) {
        this.limits = limits;
        this.timer = timer;
    }

    /** Says how to make instances of the plugin called {@code name}. */
    void register(String name, Supplier<Plugin> factory) {
        factories.put(name, factory);
    }

    /** {@code unit}'s own instance of the plugin, made now if it has none (FAILED if the plugin cannot be made). */
    HostedPlugin of(String name, String origin, Unit unit) {
        return byPlugin.computeIfAbsent(name, n -> new ConcurrentHashMap<>())
                .computeIfAbsent(unit.id(), id -> make(name, origin, unit));
    }

    private HostedPlugin make(String name, String origin, Unit unit) {
        Plugin plugin = null;
        String failure = null;
        try {
            plugin = factories.get(name).get();
        } catch (RuntimeException | LinkageError e) {
            failure = PluginCalls.describe(e);
        }
        HostedPlugin h = new HostedPlugin(plugin, origin, failure, unit, name);
        h.calls = new PluginCalls(name + "@" + unit.id(), limits.queue(), timer);
        return h;
    }

    /** The instance that serves {@code unit}: the nearest unit's at or above it, or null. */
    HostedPlugin serving(String name, Unit unit) {
        HostedPlugin best = null;
        for (HostedPlugin t : byPlugin.getOrDefault(name, Map.of()).values()) {
            if (t.unit.covers(unit) && (best == null || t.unit.path().length() > best.unit.path().length())) {
                best = t;
            }
        }
        return best;
    }

    /** Forgets {@code unit}'s own instance and returns it, or null when it had none. */
    HostedPlugin remove(String name, Unit unit) {
        Map<String, HostedPlugin> units = byPlugin.get(name);
        return units == null ? null : units.remove(unit.id());
    }

    List<HostedPlugin> all() {
        return byPlugin.values().stream().flatMap(units -> units.values().stream()).toList();
    }
}
