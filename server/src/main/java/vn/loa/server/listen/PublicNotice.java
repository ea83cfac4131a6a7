package vn.loa.server.listen;

import java.time.Instant;

/**
 * A notice residents may hear again: it aired to the end at least once, its author left it public, and it is text or
 * one recording (relays, live speech and playlists are not kept). {@code aired} is its last airing's end.
 */
public record PublicNotice(long id, String title, String text, String audioId, String voice, String unitPath,
        Instant aired) {
}
