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
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.auth.Caller;
import vn.loa.server.auth.Role;
import vn.loa.server.http.ApiError;
import vn.loa.server.display.ProposedSlides;
import vn.loa.server.http.TextInput;

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

    /** The user a plugin acts as; it cannot sign in, and its name cannot be taken by a person (ids have no ':'). */
    static String actor(String plugin) {
        return "plugin:" + plugin;
    }

    @Override
    public void proposed(String plugin, ContentItem item) {
        Optional<Caller> caller = callerOf(plugin);
        if (caller.isEmpty() || jdbi.withHandle(h -> store.seen(h, plugin, item.key()))) {
            return;
        }
        if (item.target() == ContentItem.Target.SLIDE) {
            // A slide waits for an approver who picks the boards; its own table remembers the key.
            slides.propose(caller.get(), plugin, item.key(), title(item.title()), slideText(item));
            return;
        }
        Announcement draft = lifecycle.create(caller.get(), draft(item.title(), item.text(), item.zones(),
                Priority.SCHEDULED));
        jdbi.useHandle(h -> store.remember(h, plugin, item.key(), draft.id(), clock.instant()));
    }

    @Override
    public void raised(String plugin, Alert alert) {
        Optional<Caller> caller = callerOf(plugin);
        if (caller.isEmpty() || jdbi.withHandle(h -> store.seen(h, plugin, alert.key()))) {
            return;
        }
        Caller c = caller.get();
        boolean emergency = alert.level() == Alert.Level.EMERGENCY;
        Announcement a = lifecycle.create(c, draft(alert.title(), alert.text(), alert.zones(),
                emergency ? Priority.EMERGENCY : Priority.SCHEDULED));
        // Remember before airing: an alert must never air twice, even if airing it fails below.
        jdbi.useHandle(h -> store.remember(h, plugin, alert.key(), a.id(), clock.instant()));
        if (!emergency) {
            // The admin who enabled the trigger approved its alerts in advance; the steps stay on record.
            lifecycle.submit(c, a.id());
            lifecycle.approve(c, a.id());
        }
        lifecycle.broadcast(c, a.id());
    }

    private Optional<Caller> callerOf(String plugin) {
        return jdbi.withHandle(h -> store.find(h, plugin)).filter(PluginStore.Config::enabled)
                .map(cfg -> new Caller(actor(plugin), Role.APPROVER, cfg.unitId(), cfg.unitPath(), "plugin"));
    }

    private static String title(String title) {
        String cleanTitle = TextInput.plain(title);
        if (cleanTitle == null || cleanTitle.isBlank()) {
            throw ApiError.badRequest("missing_title", "Plugin gửi tin không có tiêu đề.");
        }
        return cleanTitle.length() > 200 ? cleanTitle.substring(0, 199) + "…" : cleanTitle;
    }

    /** A slide shows plain text (boards render no markup). */
    private static String slideText(ContentItem item) {
        String text = TextInput.spoken(TextInput.rich(item.text()));
        if (text == null || text.isBlank()) {
            throw ApiError.badRequest("missing_content", "Plugin gửi trang chữ không có nội dung: " + item.title());
        }
        return text.length() > 20000 ? text.substring(0, 20000) : text;
    }

    private static AnnouncementDraft draft(String title, String text, List<String> zones, Priority priority) {
        String cleanTitle = title(title);
        String cleanText = TextInput.rich(text);
        if (cleanText == null || cleanText.isBlank()) {
            throw ApiError.badRequest("missing_content", "Plugin gửi tin không có nội dung: " + cleanTitle);
        }
        if (zones.isEmpty()) {
            throw ApiError.badRequest("missing_zones", "Plugin gửi tin không có khu vực nào: " + cleanTitle);
        }
        return new AnnouncementDraft(cleanTitle, cleanText, null, null, List.copyOf(new java.util.LinkedHashSet<>(zones)),
                priority, null, 1, true, new Schedule(null, null, null));
    }
}
