package vn.loa.server.display;

import java.time.Duration;
import java.util.concurrent.Executor;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.server.announcement.AnnouncementService;

/**
 * Puts an EMERGENCY announcement on the boards of its zones as a banner from the moment it is broadcast, and takes it
 * down when it is cancelled, or {@link #LINGER} after it ended on air (so a short alert, or one to zones with no
 * loudspeaker, is still read); the boards then return to their playlists.
 */
public final class EmergencyBanners implements AnnouncementService.StateListener {

    /** How long a banner stays up after its announcement finished playing. */
    public static final Duration LINGER = Duration.ofSeconds(60);

    private final Banners banners;
    private final Executor executor;
    private final java.time.Clock clock;

    /** @param executor where banners are raised, in order (it resolves zones in the database); never the event loop */
    public EmergencyBanners(Banners banners, Executor executor, java.time.Clock clock) {
        this.banners = banners;
        this.executor = executor;
        this.clock = clock;
    }

    static String bannerId(long announcementId) {
        return "a-" + announcementId;
    }

    @Override
    public void changed(Announcement a, AnnouncementState to) {
        if (a.priority() != Priority.EMERGENCY) {
            return;
        }
        String id = bannerId(a.id());
        switch (to) {
            case SCHEDULED -> executor.execute(() -> banners.show(id, a.zones(), text(a), null));
            case DONE, FAILED -> executor.execute(() -> banners.show(id, a.zones(), text(a), clock.instant().plus(LINGER)));
            case CANCELLED -> executor.execute(() -> banners.clear(id));
            default -> { }
        }
    }

    private static String text(Announcement a) {
        String body = a.text() == null ? "" : vn.loa.server.http.TextInput.shown(a.text());
        return body.isBlank() ? a.title() : a.title() + "\n" + body;
    }
}
