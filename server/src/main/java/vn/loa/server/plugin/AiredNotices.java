package vn.loa.server.plugin;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Zone;
import vn.loa.core.plugin.PluginHost;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.Unit;
import vn.loa.server.http.TextInput;
import vn.loa.server.zone.ZoneRepository;

/**
 * Hands every announcement that finished airing to the outbound channels of the plugins that serve its unit. The
 * lifecycle tells it on the air thread; it prepares the notice on a thread of its own, so the air never waits for it
 * (or for any plugin).
 */
final class AiredNotices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AiredNotices.class);

    private final Jdbi jdbi;
    private final PluginHost host;
    private final ZoneRepository zones = new ZoneRepository();
    private final ThreadPoolExecutor thread = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "loa-plugin-aired");
                t.setDaemon(true);
                return t;
            });

    AiredNotices(Jdbi jdbi, PluginHost host) {
        this.jdbi = jdbi;
        this.host = host;
    }

    /** Listens to the lifecycle: an announcement that is DONE goes to the plugins; returns at once. */
    void changed(Announcement a, AnnouncementState to) {
        if (to != AnnouncementState.DONE) {
            return;
        }
        try {
            thread.execute(() -> host.aired(notice(a)));
        } catch (RejectedExecutionException e) {
            LOG.warn("announcement {} not passed to plugins: too many waiting", a.id());
        }
    }

    /**
     * Tells the plugins of the unit at {@code unitPath} that an alert did not reach some speakers, as an EMERGENCY
     * notice (its id the alert's) whose text lists them: the notify plugin passes it to the unit's contacts.
     */
    void speakersDown(long alertId, String title, String message, String unitPath) {
        try {
            thread.execute(() -> host.aired(jdbi.withHandle(h -> {
                Unit unit = h.createQuery("SELECT id, path FROM zone WHERE path = :p").bind("p", unitPath)
                        .map((rs, ctx) -> new Unit(rs.getString("id"), rs.getString("path"))).findOne().orElse(null);
                List<String> zone = unit == null ? List.of() : List.of(unit.id());
                List<String> name = unit == null ? List.of()
                        : List.of(zones.find(h, unit.id()).map(Zone::name).orElse(unit.id()));
                return new AiredNotice(alertId, title, message, "EMERGENCY", zone, name, java.time.Instant.now(), unit);
            })));
        } catch (RejectedExecutionException e) {
            LOG.warn("speakers down for alert {} not passed to plugins: too many waiting", alertId);
        }
    }

    /** The notice as plugins see it; it belongs to its author's unit, so only that unit's plugins receive it. */
    private AiredNotice notice(Announcement a) {
        return jdbi.withHandle(h -> {
            List<String> names = a.zones().stream().map(z -> zones.find(h, z).map(Zone::name).orElse(z)).toList();
            Unit unit = h.createQuery("SELECT u.unit_id, z.path FROM app_user u JOIN zone z ON z.id = u.unit_id "
                            + "WHERE u.username = :u").bind("u", a.createdBy())
                    .map((rs, ctx) -> new Unit(rs.getString("unit_id"), rs.getString("path"))).findOne().orElse(null);
            return new AiredNotice(a.id(), a.title(), TextInput.shown(a.text()), a.priority().name(), a.zones(),
                    names, a.updatedAt(), unit);
        });
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
