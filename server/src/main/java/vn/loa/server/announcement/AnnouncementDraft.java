package vn.loa.server.announcement;

import java.util.List;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;

/** What a client asks to create: an announcement before it has an id, a state or an author. Fields already cleaned. */
public record AnnouncementDraft(String title, String text, String audioId, String relayUrl, List<String> zones,
        Priority priority, String voice, int repeat, boolean chime, Schedule schedule, List<String> playlist) {

    public AnnouncementDraft {
        playlist = playlist == null ? List.of() : List.copyOf(playlist);
    }

    /** A draft without a playlist. */
    public AnnouncementDraft(String title, String text, String audioId, String relayUrl, List<String> zones,
            Priority priority, String voice, int repeat, boolean chime, Schedule schedule) {
        this(title, text, audioId, relayUrl, zones, priority, voice, repeat, chime, schedule, List.of());
    }

    /** The same draft at another time (a conflict shifted it). */
    public AnnouncementDraft withSchedule(Schedule moved) {
        return new AnnouncementDraft(title, text, audioId, relayUrl, zones, priority, voice, repeat, chime, moved,
                playlist);
    }
}
