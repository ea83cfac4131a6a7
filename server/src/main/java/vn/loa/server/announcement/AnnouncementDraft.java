package vn.loa.server.announcement;

import java.util.List;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;

/** What a client asks to create: an announcement before it has an id, a state or an author. Fields already cleaned. */
public record AnnouncementDraft(String title, String text, String audioId, String relayUrl, List<String> zones,
        Priority priority, String voice, int repeat, boolean chime, Schedule schedule) {
}
