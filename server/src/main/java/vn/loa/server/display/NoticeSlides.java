package vn.loa.server.display;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.server.announcement.AnnouncementService;

/**
 * Puts an ordinary announcement on the boards of its zones as a text slide (its title and text), followed by its
 * pictures ({@link AnnouncementSlides}), ahead of their
 * playlists while it is on air, whether broadcast now or by the scheduler, and for {@code linger} after it ended
 * (done, failed or cancelled), so a passer-by who missed the loudspeaker can still read it. Emergencies are banners
 * ({@link EmergencyBanners}), not slides.
 */
final class NoticeSlides implements AnnouncementService.StateListener {

    private final Banners notices;
    private final Executor executor;
    private final Clock clock;
    private final Duration linger;
    private final AnnouncementSlides pictures;

    /** @param executor where slides are raised, in order (it resolves zones in the database); never the event loop */
    NoticeSlides(Banners notices, AnnouncementSlides pictures, Executor executor, Clock clock, Duration linger) {
        this.pictures = pictures;
        this.notices = notices;
        this.executor = executor;
        this.clock = clock;
        this.linger = linger;
    }

    static String slideId(long announcementId) {
        return "notice-" + announcementId;
    }

    @Override
    public void changed(Announcement a, AnnouncementState to) {
        if (a.priority() == Priority.EMERGENCY) {
            return; // an emergency is a banner
        }
        String id = slideId(a.id());
        switch (to) {
            case ON_AIR -> executor.execute(() -> {
                List<String> shown = pictures.mediaIds(a.id());
                if (!shown.isEmpty() || a.text() != null && !a.text().isBlank()) {
                    notices.show(id, a.zones(), slideText(a), null, shown); // a recording alone has nothing to show
                }
            });
            case DONE, FAILED, CANCELLED -> executor.execute(() -> notices.endAt(id, clock.instant().plus(linger)));
            default -> { }
        }
    }

    /** The title, a line break, the words of the text without its markup (none for a recording). */
    private static String slideText(Announcement a) {
        return a.title() + "\n" + (a.text() == null ? "" : vn.loa.server.http.TextInput.shown(a.text()).strip());
    }
}
