package vn.loa.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A notice, recorded programme, relay or live source to be aired to a set of zones.
 *
 * <p>At least one of {@code text}, {@code audioId}, {@code playlist} (uploaded recordings aired one after another;
 * empty when unused) and {@code relayUrl} is set. {@code text} is a safe HTML subset
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
        Instant updatedAt,
        List<String> playlist) {

    public Announcement {
        zones = List.copyOf(zones);
        playlist = playlist == null ? List.of() : List.copyOf(playlist);
    }

    /** An announcement without a playlist (a notice, a single recording or a relay). */
    public Announcement(long id, String title, String text, String audioId, String relayUrl, List<String> zones,
            Priority priority, String voice, int repeat, boolean chime, Schedule schedule, AnnouncementState state,
            String createdBy, Instant createdAt, Instant updatedAt) {
        this(id, title, text, audioId, relayUrl, zones, priority, voice, repeat, chime, schedule, state, createdBy,
                createdAt, updatedAt, List.of());
    }

    /** Whether it airs uploaded recordings one after another. */
    public boolean isPlaylist() {
        return !playlist.isEmpty();
    }

    /** A copy in another state, as of {@code at}. */
    public Announcement withState(AnnouncementState next, Instant at) {
        return new Announcement(id, title, text, audioId, relayUrl, zones, priority, voice, repeat, chime, schedule,
                next, createdBy, createdAt, at, playlist);
    }
}
