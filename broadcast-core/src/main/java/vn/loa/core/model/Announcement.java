package vn.loa.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A notice, recorded programme, relay or live source to be aired to a set of zones.
 *
 * <p>At least one of {@code text}, {@code audioId} and {@code relayUrl} is set. {@code text} is a safe HTML subset
 * (plain text is valid), already in Unicode NFC.
 */
public record Announcement(
        long id,
        String title,
        String text,
        String audioId,
        String relayUrl,
        List<String> zones,
        Priority priority,
        String voice,
        int repeat,
        boolean chime,
        Schedule schedule,
        AnnouncementState state,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    public Announcement {
        zones = List.copyOf(zones);
    }

    /** A copy in another state, as of {@code at}. */
    public Announcement withState(AnnouncementState next, Instant at) {
        return new Announcement(id, title, text, audioId, relayUrl, zones, priority, voice, repeat, chime, schedule,
                next, createdBy, createdAt, at);
    }
}
