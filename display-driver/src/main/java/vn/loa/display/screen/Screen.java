package vn.loa.display.screen;

import java.time.Instant;
import java.util.List;
import vn.loa.core.model.Board;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;

/**
 * What one board shows at a moment, settled: its active playlist flattened into entries (one per page of a text
 * slide), and the banner over it if any. Immutable; a change makes a new screen with a higher {@code version}.
 *
 * <p>Every driver plays the entries by the same clock: the cycle starts at the Unix epoch, so the server's snapshot,
 * the web player and the LED driver agree on what shows when, without talking.
 *
 * @param layout the regions the board is cut into; the entries play in its playlist region
 * @param ticker the titles of the notices on air, for a ticker region
 */
public record Screen(Board board, BoardProfile profile, String zonePath, List<Entry> entries, String banner,
        long version, Layout layout, List<String> ticker) {

    /** A full-screen board without a ticker: what every board was before layouts. */
    public Screen(Board board, BoardProfile profile, String zonePath, List<Entry> entries, String banner, long version) {
        this(board, profile, zonePath, entries, banner, version, Layout.FULL, List.of());
    }

    /** One page of one item, shown for {@code seconds}. */
    public record Entry(PlaylistItem item, int page, int pages, int seconds) {
        public String key() {
            return item.id() + "/" + page;
        }
    }

    /** The last screen of a board that was deleted: drivers stop driving it. */
    public Screen removed() {
        return new Screen(board, profile, zonePath, List.of(), null, -1, layout, List.of());
    }

    /** The same screen under another version. */
    public Screen withVersion(long v) {
        return new Screen(board, profile, zonePath, entries, banner, v, layout, ticker);
    }

    public boolean isRemoved() {
        return version == -1;
    }

    public long cycleMillis() {
        return entries.stream().mapToLong(e -> e.seconds() * 1000L).sum();
    }

    /** The entry on screen at {@code now}; null when the playlist is empty. */
    public Entry entryAt(Instant now) {
        long cycle = cycleMillis();
        if (cycle == 0) {
            return null;
        }
        long t = Math.floorMod(now.toEpochMilli(), cycle);
        for (Entry e : entries) {
            t -= e.seconds() * 1000L;
            if (t < 0) {
                return e;
            }
        }
        return entries.get(entries.size() - 1);
    }
}
