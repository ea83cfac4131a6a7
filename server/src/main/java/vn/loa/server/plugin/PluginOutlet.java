package vn.loa.server.plugin;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.core.plugin.PluginHost;
import vn.loa.plugin.Alert;
import vn.loa.plugin.ContentItem;
import vn.loa.plugin.Unit;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.display.ProposedSlides;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/**
 * Turns plugins' output into announcements through the ordinary lifecycle, acting as the plugin's own user: content
 * becomes a DRAFT for a clerk to review; an alert is created, approved and broadcast at once. Each key once only.
 *
 * <p>Runs on the host's intake thread (blocking JDBC); a refusal (a zone outside the plugin's unit) is thrown back to
 * the host, which shows it as the plugin's problem.
 */
final class PluginOutlet implements PluginHost.Outlet {

    private final Jdbi jdbi;
    private final PluginStore store;
    private final AnnouncementService lifecycle;
    private final ProposedSlides slides;
    private final Clock clock;

    PluginOutlet(Jdbi jdbi, PluginStore store, AnnouncementService lifecycle, ProposedSlides slides, Clock clock) {
        this.jdbi = jdbi;
        this.store = store;
        this.lifecycle = lifecycle;
        this.slides = slides;
        this.clock = clock;
    }

    /**
     * The user a unit's instance of a plugin acts as ({@code plugin:notify@xa-an-binh}); it cannot sign in, and its
     * name cannot be taken by a person (ids have no ':'). A unit id too long for the 64-character name is hashed.
     */
    static String actor(String plugin, String unitId) {
        String name = "plugin:" + plugin + "@" + unitId;
        if (name.length() <= 64) {
            return name;
        }
        String prefix = "plugin:" + plugin + "@";
        return prefix + PluginStore.sha256(unitId).substring(0, 64 - prefix.length());
    }

    @Override
    public void proposed(String plugin, Unit unit, ContentItem item) {
        Optional<Caller> caller = callerOf(plugin, unit);
        if (caller.isEmpty() || jdbi.withHandle(h -> store.seen(h, plugin, unit.id(), item.key()))) {
            return;
        }
        if (item.target() == ContentItem.Target.SLIDE) {
            // A slide waits for an approver who picks the boards; its own table remembers the key.
            slides.propose(caller.get(), plugin, item.key(), title(item.title()), slideText(item));
            return;
        }
        Announcement draft = lifecycle.create(caller.get(), draft(item.title(), item.text(), item.zones(),
                Priority.SCHEDULED));
        jdbi.useHandle(h -> store.remember(h, plugin, unit.id(), item.key(), draft.id(), clock.instant()));
    }

    @Override
    public void raised(String plugin, Unit unit, Alert alert) {
        Optional<Caller> caller = callerOf(plugin, unit);
        // Claimed before airing, in one insert: an alert never airs twice, neither here nor from another member of a
        // cluster whose trigger saw the same event (ADR 0049).
        if (caller.isEmpty() || !jdbi.withHandle(h -> store.claim(h, plugin, unit.id(), alert.key(),
                clock.instant()))) {
            return;
        }
        Caller c = caller.get();
        boolean emergency = alert.level() == Alert.Level.EMERGENCY;
        Announcement a;
        try {
            a = lifecycle.create(c, draft(alert.title(), alert.text(), alert.zones(),
                    emergency ? Priority.EMERGENCY : Priority.SCHEDULED));
        } catch (RuntimeException refused) {
            jdbi.useHandle(h -> store.release(h, plugin, unit.id(), alert.key()));
            throw refused;
        }
        jdbi.useHandle(h -> store.claimed(h, plugin, unit.id(), alert.key(), a.id()));
        if (!emergency) {
            // The admin who enabled the trigger approved its alerts in advance; the steps stay on record.
            lifecycle.submit(c, a.id());
            lifecycle.approve(c, a.id());
        }
        lifecycle.broadcast(c, a.id());
    }

    /** The plugin's user in {@code unit}, while that unit's configuration is enabled. */
    private Optional<Caller> callerOf(String plugin, Unit unit) {
        return jdbi.withHandle(h -> store.find(h, plugin, unit.id())).filter(PluginStore.Config::enabled)
                .map(cfg -> new Caller(actor(plugin, cfg.unitId()), Role.APPROVER, cfg.unitId(), cfg.unitPath(),
                        "plugin"));
    }

    private static String title(String title) {
        String cleanTitle = TextInput.plain(title);
        if (cleanTitle == null || cleanTitle.isBlank()) {
            throw Refusal.invalid("missing_title", "Plugin gửi tin không có tiêu đề.");
        }
        return cleanTitle.length() > 200 ? cleanTitle.substring(0, 199) + "…" : cleanTitle;
    }

    /** A slide shows plain text (boards render no markup). */
    private static String slideText(ContentItem item) {
        String text = TextInput.spoken(TextInput.rich(item.text()));
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("missing_content", "Plugin gửi trang chữ không có nội dung: " + item.title());
        }
        return text.length() > 20000 ? text.substring(0, 20000) : text;
    }

    private static AnnouncementDraft draft(String title, String text, List<String> zones, Priority priority) {
        String cleanTitle = title(title);
        String cleanText = TextInput.rich(text);
        if (cleanText == null || cleanText.isBlank()) {
            throw Refusal.invalid("missing_content", "Plugin gửi tin không có nội dung: " + cleanTitle);
        }
        if (zones.isEmpty()) {
            throw Refusal.invalid("missing_zones", "Plugin gửi tin không có khu vực nào: " + cleanTitle);
        }
        return new AnnouncementDraft(cleanTitle, cleanText, null, null, List.copyOf(new java.util.LinkedHashSet<>(zones)),
                priority, null, 1, true, new Schedule(null, null, null));
    }
}
