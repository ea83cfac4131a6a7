package vn.loa.core.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.Alert;
import vn.loa.plugin.AlertSink;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginResponse;
import vn.loa.plugin.Settings;
import vn.loa.plugin.Unit;

/**
 * Runs the loaded plugins: starts and stops them as the admin says, polls their content sources, takes their alerts,
 * hands them every aired notice and their HTTP requests, and keeps each one's {@link PluginStatus}.
 *
 * <p>Tenancy: each unit that configures a plugin gets an instance of its own (own settings, thread, data folder and
 * state). A notice, a request or a status question names a unit and reaches the instance of the nearest unit at or
 * above it that configured the plugin, never another; the request carries the unit so that an instance serving several
 * units (a province's) answers each with its own part.
 *
 * <p>Isolation: every call into a plugin runs on that plugin's own thread ({@link PluginCalls}) with a time limit and a
 * bounded queue, and what plugins produce reaches the {@link Outlet} through one bounded intake thread
 * ({@link PluginIntake}); no method here waits for a plugin, so a plugin that throws, hangs or floods is reported
 * and never delays a broadcast.
 */
public final class PluginHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginHost.class.getName());

    /** Where plugins' output goes (the server: drafts, alerts on air). Called on the intake thread, one at a time. */
    public interface Outlet {
        /** A content item with a key the outlet should store as a draft in {@code unit} unless it has seen it. */
        void proposed(String plugin, Unit unit, ContentItem item) throws Exception;

        /** An alert to air now in {@code unit}, unless its key has aired before there. */
        void raised(String plugin, Unit unit, Alert alert) throws Exception;
    }

    /** The instance of each plugin that Loa only asks (name, defaults, validation); it never starts. */
    private final Map<String, HostedPlugin> plugins = new LinkedHashMap<>();
    private final UnitInstances tenants;
    private final Path dataRoot;
    private final Clock clock;
    private final PluginLimits limits;
    private final ScheduledExecutorService timer;
    private final PluginIntake intake;
    private final PluginPolling polling;
    /** Runs the steps of starts and stops, so that no step runs on a plugin's own (possibly stuck) thread. */
    private final ScheduledExecutorService steps;

    public PluginHost(List<PluginLoader.Found> found, Path dataRoot, Clock clock, PluginLimits limits, Outlet outlet) {
        this.dataRoot = dataRoot;
        this.clock = clock;
        this.limits = limits;
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("loa-plugin-timer"));
        this.intake = new PluginIntake(outlet, clock, limits.alertsPerMinute());
        this.polling = new PluginPolling(timer, limits, intake);
        this.steps = Executors.newSingleThreadScheduledExecutor(daemon("loa-plugin-lifecycle"));
        this.tenants = new UnitInstances(limits, timer);
        describe(found);
    }

    /** Asks every plugin its name and parts on its own thread, all at once; a plugin that cannot answer FAILS. */
    private void describe(List<PluginLoader.Found> found) {
        List<HostedPlugin> all = new ArrayList<>();
        List<CompletableFuture<PluginParts>> answers = new ArrayList<>();
        for (PluginLoader.Found f : found) {
            HostedPlugin h = new HostedPlugin(f.plugin(), f.origin(), f.problem());
            all.add(h);
            if (f.plugin() == null) {
                answers.add(CompletableFuture.completedFuture(null));
                continue;
            }
            h.calls = new PluginCalls(f.plugin().getClass().getSimpleName(), limits.queue(), timer);
            answers.add(h.calls.call("describe", limits.callTimeout(), () -> PluginParts.of(f.plugin())));
        }
        for (int i = 0; i < all.size(); i++) {
            HostedPlugin h = all.get(i);
            try {
                h.parts = answers.get(i).join();
            } catch (CompletionException e) {
                h.failure = e.getCause().getMessage();
            }
            if (h.parts != null) {
                String refused = h.parts.refusal(plugins.get(h.name()) == null ? null
                        : plugins.get(h.name()).origin);
                h.failure = refused == null ? h.failure : refused;
            }
            h.broken = h.failure != null;
            String key = plugins.containsKey(h.name()) ? h.name() + "@" + h.origin : h.name();
            plugins.put(key, h);
            tenants.register(key, found.get(i).factory());
        }
    }

    /** Every plugin as a caller of {@code unit} sees it: the configuration that applies there. */
    public List<PluginStatus> statuses(Unit unit) {
        return plugins.keySet().stream().map(name -> status(name, unit).orElseThrow()).toList();
    }

    /** The plugin as a caller of {@code unit} sees it: the state of the instance that serves that unit. */
    public Optional<PluginStatus> status(String name, Unit unit) {
        HostedPlugin found = plugins.get(name);
        if (found == null) {
            return Optional.empty();
        }
        PluginStatus p = found.status();
        HostedPlugin t = found.broken ? null : tenant(name, unit);
        if (t == null) {
            return Optional.of(p);
        }
        PluginStatus own = t.status();
        return Optional.of(new PluginStatus(p.name(), p.description(), p.apiVersion(), p.capabilities(), p.origin(),
                own.enabled(), own.state(), own.reason(), t.unit));
    }

    private HostedPlugin tenant(String name, Unit unit) {
        return tenants.serving(name, unit);
    }

    /** The plugin's JSON Schema of its settings (text), or null when it gave none. */
    public String settingsSchema(String name) {
        PluginParts parts = usable(name).parts;
        return parts == null ? null : parts.settingsSchema();
    }

    /** The settings a plugin starts with before any are saved. */
    public Settings defaults(String name) {
        HostedPlugin h = usable(name);
        return h.calls.call("defaults", limits.callTimeout(), h.plugin::defaults).join();
    }

    /**
     * Lets the plugin check proposed settings. The future fails with {@link InvalidSettingsException} (the plugin's
     * message) when it refuses them, or with {@link PluginTrouble} when it could not answer.
     */
    public CompletableFuture<Settings> validate(String name, Settings proposed) {
        HostedPlugin h = usable(name);
        return h.calls.call("validate", limits.callTimeout(), () -> h.plugin.validate(proposed))
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    Throwable inner = cause.getCause();
                    if (inner instanceof InvalidSettingsException || inner instanceof IllegalArgumentException) {
                        return CompletableFuture.failedFuture(new InvalidSettingsException(inner.getMessage()));
                    }
                    return CompletableFuture.failedFuture(cause);
                });
    }

    /**
     * Stops {@code unit}'s instance of the plugin if it runs, then starts it with {@code settings} when
     * {@code enabled} (they must have passed {@link #validate}); the future completes with the resulting status, also
     * when the start failed. From then on the instance serves {@code unit} and the units below without their own.
     */
    public synchronized CompletableFuture<PluginStatus> apply(String name, Unit unit, boolean enabled,
            Settings settings) {
        usable(name);
        HostedPlugin h = tenants.of(name, plugins.get(name).origin, unit);
        CompletableFuture<PluginStatus> done = h.lifecycle.handle((x, e) -> null)
                .thenComposeAsync(x -> stop(h), steps)
                .thenComposeAsync(x -> {
                    h.enabled = enabled;
                    h.settings = settings;
                    return enabled ? start(h) : CompletableFuture.completedFuture(null);
                }, steps)
                .handle((x, e) -> h.status());
        h.lifecycle = done;
        return done;
    }

    /**
     * Stops and forgets {@code unit}'s instance of the plugin: from then on the unit is served by the nearest unit
     * above it that configured the plugin, if any. Completes when it has stopped.
     */
    public synchronized CompletableFuture<Void> remove(String name, Unit unit) {
        HostedPlugin h = tenants.remove(name, unit);
        if (h == null) {
            return CompletableFuture.completedFuture(null);
        }
        h.enabled = false;
        CompletableFuture<Void> done = h.lifecycle.handle((x, e) -> null)
                .thenComposeAsync(x -> stop(h), steps)
                .whenComplete((x, e) -> h.calls.close());
        h.lifecycle = done;
        return done;
    }

    /** Where one unit's instance keeps its files: {@code <plugin data>/units/<unit>/<plugin>}. */
    public static Path dataDir(Path dataRoot, String name, Unit unit) {
        return dataRoot.resolve("units").resolve(unit.id()).resolve(name);
    }

    private CompletableFuture<Void> start(HostedPlugin h) {
        h.generation++;
        h.clearProblems();
        if (h.plugin == null) {
            return CompletableFuture.completedFuture(null);
        }
        h.failure = null;
        Path dir = dataDir(dataRoot, h.name(), h.unit);
        int generation = h.generation;
        return h.calls.call("start", limits.startTimeout(), () -> {
            Files.createDirectories(dir);
            h.plugin.start(h.context(h.settings, dir, clock));
            return PluginParts.of(h.plugin);
        }).thenComposeAsync(parts -> {
            h.parts = parts;
            h.started = true;
            if (parts.trigger().isEmpty()) {
                return CompletableFuture.<Void>completedFuture(null);
            }
            AlertSink sink = intake.sink(h, generation);
            return h.calls.call("arm", limits.startTimeout(), () -> {
                parts.trigger().get().arm(sink);
                return null;
            });
        }, steps).thenRunAsync(() -> h.parts.content().ifPresent(source -> polling.schedule(h, generation)), steps)
                .exceptionally(e -> {
                    h.failure = "không khởi động được / failed to start: " + PluginCalls.reason(e);
                    LOG.log(System.Logger.Level.WARNING, "plugin " + h.name() + " failed to start: " + PluginCalls.reason(e));
                    return null;
                });
    }

    private CompletableFuture<Void> stop(HostedPlugin h) {
        h.generation++;
        if (h.polling != null) {
            h.polling.cancel(false);
            h.polling = null;
        }
        PluginCalls calls = h.calls;
        if (h.plugin == null || !h.started && h.failure == null) {
            return CompletableFuture.completedFuture(null);
        }
        h.started = false;
        PluginParts parts = h.parts;
        return calls.call("stop", limits.startTimeout(), () -> {
            if (parts != null && parts.trigger().isPresent()) {
                parts.trigger().get().disarm();
            }
            h.plugin.stop();
            return null;
        }).handle((x, e) -> {
            if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "plugin " + h.name() + " did not stop cleanly: " + PluginCalls.reason(e));
            }
            // A plugin stuck in a call keeps its old thread; what comes next gets a fresh one.
            calls.close();
            h.calls = new PluginCalls(h.name(), limits.queue(), timer);
            return null;
        });
    }

    /** Lets this server poll only the content sources {@code polls} names (cluster ownership); set at start-up. */
    public void pollOnly(java.util.function.Predicate<String> polls) {
        polling.pollOnly(polls);
    }

    /**
     * Hands a notice that finished airing to the outbound channel of each plugin's instance that serves the notice's
     * unit (none when it has no unit); returns at once.
     */
    public void aired(AiredNotice notice) {
        for (String name : plugins.keySet()) {
            HostedPlugin h = notice.unit() == null ? null : tenant(name, notice.unit());
            PluginParts parts = h == null ? null : h.parts;
            if (h == null || !h.started || parts == null || parts.outbound().isEmpty()) {
                continue;
            }
            h.calls.call("deliver", limits.callTimeout(), () -> {
                parts.outbound().get().deliver(notice);
                return null;
            }).whenComplete((x, e) -> {
                if (e != null) {
                    h.problem("deliver", PluginCalls.reason(e));
                } else {
                    h.solved("deliver");
                }
            });
        }
    }

    /** True when the plugin's instance that serves {@code unit} runs and answers HTTP requests. */
    public boolean serves(String name, Unit unit) {
        HostedPlugin h = tenant(name, unit);
        return h != null && h.started && h.parts != null && h.parts.routes().isPresent();
    }

    /**
     * Passes an HTTP request to the plugin's instance that serves the request's unit (the caller's, which it
     * carries), when that instance {@link #serves} it; fails with {@link PluginTrouble}, or
     * {@link IllegalArgumentException} when no instance serves that unit.
     */
    public CompletableFuture<PluginResponse> route(String name, PluginRequest request) {
        HostedPlugin h = request.unit() == null ? null : tenant(name, request.unit());
        if (h == null || h.parts == null) {
            throw new IllegalArgumentException("no instance of plugin " + name + " serves " + request.unit());
        }
        PluginParts parts = h.parts;
        return h.calls.call("route " + request.method() + " " + request.path(), limits.callTimeout(),
                () -> parts.routes().orElseThrow().handle(request)).whenComplete((x, e) -> {
                    if (e != null) {
                        h.problem("route", PluginCalls.reason(e));
                    } else {
                        h.solved("route");
                    }
                });
    }

    /** True when the plugin was loaded well and can be configured and started. */
    public boolean configurable(String name) {
        HostedPlugin h = plugins.get(name);
        return h != null && !h.broken;
    }

    private HostedPlugin usable(String name) {
        HostedPlugin h = plugins.get(name);
        if (h == null || h.broken) {
            throw new IllegalArgumentException("no usable plugin " + name);
        }
        return h;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops every plugin (waiting at most the start limit for each), then the host's threads. */
    @Override
    public void close() {
        List<CompletableFuture<PluginStatus>> stops = new ArrayList<>();
        for (HostedPlugin h : tenants.all()) {
            if (h.plugin != null && h.enabled) {
                stops.add(apply(h.name(), h.unit, false, h.settings));
            }
        }
        try {
            CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new))
                    .get(limits.startTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "some plugins did not stop in time");
        }
        timer.shutdownNow();
        steps.shutdownNow();
        intake.close();
        plugins.values().forEach(h -> {
            if (h.calls != null) {
                h.calls.close();
            }
        });
        tenants.all().forEach(h -> h.calls.close());
    }

}
