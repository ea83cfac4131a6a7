package vn.loa.server.display;

import java.time.Instant;
import java.util.List;

/**
 * Emergency banners on display boards: the way for any part of Loa (emergency announcements, the hotline, CAP alerts)
 * to put a banner on every board of some zones, over whatever the boards play, and to take it down again.
 *
 * <p>Thread-safe; {@link #show} and {@link #clear} return at once (boards are told asynchronously, within a second).
 */
public interface BoardBanners {

    /**
     * Shows {@code text} under the heading "KHẨN CẤP" on every board in {@code zones} and the zones below them, until
     * {@code until} (null: until {@link #clear}). With several banners on a board, the newest shows.
     *
     * @return the banner's id, for {@link #clear}
     */
    String show(List<String> zones, String text, Instant until);

    /** Takes a banner down; the boards return to their playlists. Unknown ids are ignored. */
    void clear(String bannerId);
}
