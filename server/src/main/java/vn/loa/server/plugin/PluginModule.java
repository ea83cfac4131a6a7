package vn.loa.server.plugin;

import vn.loa.server.secret.SecretCipher;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.plugin.PluginHost;
import vn.loa.core.plugin.PluginLimits;
import vn.loa.core.plugin.PluginLoader;
import vn.loa.core.plugin.PluginStatus;
import vn.loa.plugin.Settings;
import vn.loa.plugin.Unit;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.http.Blocking;

/**
 * Plugins in the server, assembled: loads them from the class path and {@code <data dir>/plugins}, restarts each
 * unit's instance the admins had enabled, and connects them to announcements (drafts, alerts, aired notices) and to
 * HTTP; in a cluster a source is polled only by the member holding its poller's lease. Plugins' secret settings
 * are sealed with the key of {@code LOA_SECRET_KEY} or {@code <data dir>/secret.key}.
 */
public final class PluginModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginModule.class);

    private final PluginHost host;
    private final AiredNotices aired;
    private final PluginAdminRoutes adminRoutes;
    private final PluginRelay relay;

    public PluginModule(io.vertx.core.Vertx vertx, Jdbi jdbi, AnnouncementService lifecycle,
            vn.loa.server.display.ProposedSlides slides,
            AuditLog audit, Blocking blocking, Path dataDir, Clock clock, SecretCipher cipher,
            java.util.function.Predicate<String> polls) {
        PluginStore store = new PluginStore();
        var found = PluginLoader.load(PluginModule.class.getClassLoader(), dataDir.resolve("plugins"));
        Path pluginData = dataDir.resolve("plugin-data");
        this.host = new PluginHost(found, pluginData, clock, PluginLimits.DEFAULT,
                new PluginOutlet(jdbi, store, lifecycle, slides, clock));
        // In a cluster one member polls each source: the one holding its lease (ADR 0049).
        host.pollOnly(polls);
        this.aired = new AiredNotices(jdbi, host);
        lifecycle.onStateChange(aired::changed);
        PluginNews news = new PluginNews(vertx);
        this.adminRoutes = new PluginAdminRoutes(new PluginAdmin(jdbi, store, host, audit, blocking, clock, cipher,
                news::changed));
        news.listen((name, unit) -> reapply(jdbi, store, cipher, name, unit));
        this.relay = new PluginRelay(host);
        for (PluginStatus s : host.statuses(new Unit("", "/"))) {
            LOG.info("plugin {} ({}) from {}: {}", s.name(), String.join(", ", s.capabilities()), s.origin(),
                    s.reason() == null ? "loaded" : s.reason());
        }
        restartSaved(jdbi, store, cipher, pluginData, clock);
    }

    /** Tells the plugins of the unit at {@code unitPath} that an alert missed speakers ({@code message} lists them). */
    public void speakersDown(long alertId, String title, String message, String unitPath) {
        aired.speakersDown(alertId, title, message, unitPath);
    }

    /**
     * Starts (or holds stopped) each unit's instance as its saved settings say, after bringing older saved settings up
     * to date: the plugin folder moved into the unit's, the unit's plugin user made, secrets saved in clear sealed.
     */
    private void restartSaved(Jdbi jdbi, PluginStore store, SecretCipher cipher, Path pluginData, Clock clock) {
        for (PluginStore.Config c : jdbi.withHandle(store::all)) {
            if (!host.configurable(c.name())) {
                continue;
            }
            Unit unit = new Unit(c.unitId(), c.unitPath());
            LegacyPluginData.move(pluginData, c.name(), unit);
            // Settings saved before plugins had a user per unit (plugin:<name>) need theirs before they produce.
            jdbi.useHandle(h -> store.actAs(h, PluginOutlet.actor(c.name(), c.unitId()), c.name(), c.unitId(),
                    clock.instant()));
            JsonObject plain;
            try {
                plain = SecretSettings.opened(c.settings(), cipher);
            } catch (IllegalStateException e) {
                // Stopped, not skipped: skipped, the unit would fall back to the settings of the unit above.
                LOG.error("plugin {} of unit {}: {}", c.name(), c.unitId(), e.getMessage());
                host.apply(c.name(), unit, false, Settings.EMPTY);
                continue;
            }
            // Secrets saved before they were encrypted (or under a schema that marks more now) are sealed at once.
            JsonObject sealed = SecretSettings.of(host.settingsSchema(c.name())).sealed(c.settings(), cipher);
            if (!sealed.equals(c.settings())) {
                jdbi.useHandle(h -> store.reseal(h, new PluginStore.Config(c.name(), c.enabled(), sealed, c.unitId(),
                        c.unitPath())));
            }
            // Starting is asynchronous: a plugin that hangs in start() does not hold up the server.
            host.apply(c.name(), unit, c.enabled(), SettingsJson.read(plain));
        }
    }

    /** Applies {@code unit}'s saved configuration of {@code name} as another member of the cluster just changed it. */
    private void reapply(Jdbi jdbi, PluginStore store, SecretCipher cipher, String name, Unit unit) {
        var saved = jdbi.withHandle(h -> store.find(h, name, unit.id()));
        if (saved.isEmpty()) {
            host.remove(name, unit);
            return;
        }
        try {
            host.apply(name, unit, saved.get().enabled(),
                    SettingsJson.read(SecretSettings.opened(saved.get().settings(), cipher)));
        } catch (IllegalStateException e) {
            LOG.error("plugin {} of unit {}: {}", name, unit.id(), e.getMessage());
        }
    }

    /**
     * The contract's operations ({@code listPlugins}, {@code getPlugin}, {@code configurePlugin},
     * {@code removePluginSettings}).
     */
    public void mount(RouterBuilder api) {
        adminRoutes.mount(api);
    }

    /** The plugins' own routes under {@code /api/v1/plugins/{name}/}; mount before the static files and the 404. */
    public void mountRelay(Router router) {
        relay.mount(router);
    }

    @Override
    public void close() {
        aired.close();
        host.close();
    }
}
