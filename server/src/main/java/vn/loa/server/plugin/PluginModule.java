package vn.loa.server.plugin;

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
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.http.Blocking;

/**
 * Plugins in the server, assembled: loads them from the class path and {@code <data dir>/plugins}, restarts those
 * the admins had enabled, and connects them to announcements (drafts, alerts, aired notices) and to HTTP.
 */
public final class PluginModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginModule.class);

    private final PluginHost host;
    private final AiredNotices aired;
    private final PluginAdminRoutes adminRoutes;
    private final PluginRelay relay;

    public PluginModule(Jdbi jdbi, AnnouncementService lifecycle, vn.loa.server.display.ProposedSlides slides,
            AuditLog audit, Blocking blocking, Path dataDir, Clock clock) {
        PluginStore store = new PluginStore();
        var found = PluginLoader.load(PluginModule.class.getClassLoader(), dataDir.resolve("plugins"));
        this.host = new PluginHost(found, dataDir.resolve("plugin-data"), clock, PluginLimits.DEFAULT,
                new PluginOutlet(jdbi, store, lifecycle, slides, clock));
        this.aired = new AiredNotices(jdbi, host);
        lifecycle.onStateChange(aired::changed);
        this.adminRoutes = new PluginAdminRoutes(new PluginAdmin(jdbi, store, host, audit, blocking, clock));
        this.relay = new PluginRelay(host);
        for (PluginStatus s : host.statuses()) {
            LOG.info("plugin {} ({}) from {}: {}", s.name(), String.join(", ", s.capabilities()), s.origin(),
                    s.reason() == null ? "loaded" : s.reason());
        }
        // Starting is asynchronous: a plugin that hangs in start() does not hold up the server.
        jdbi.withHandle(store::all).stream().filter(PluginStore.Config::enabled)
                .filter(c -> host.configurable(c.name()))
                .forEach(c -> host.apply(c.name(), true, SettingsJson.read(c.settings())));
    }

    /** The contract's operations ({@code listPlugins}, {@code getPlugin}, {@code configurePlugin}). */
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
