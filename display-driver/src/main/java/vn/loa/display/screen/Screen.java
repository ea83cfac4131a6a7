package vn.loa.display.screen;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * @param interrupts the interrupts' plays within each hour (share of voice), in order, none overlapping
 * @param overlay a short notice drawn in a band over whatever plays, or null
 * @param ahead what the board will play later (the coming days' schedule), in order of start: a player cut from the
 *        server follows it
 * @param regions the entries of each further playlist region of the layout, by region name, each cycling on its own
 *        by the same epoch clock (a side column of pictures beside the notices of the main region)
 */
public record Screen(Board board, BoardProfile profile, String zonePath, List<Entry> entries, String banner,
        long version, Layout layout, List<String> ticker, List<Slot> interrupts, String overlay, List<Ahead> ahead,
        Map<String, List<Entry>> regions) {

    public Screen {
        regions = Map.copyOf(regions);
    }

    /** A screen whose layout has one playlist region. */
    public Screen(Board board, BoardProfile profile, String zonePath, List<Entry> entries, String banner,
            long version, Layout layout, List<String> ticker, List<Slot> interrupts, String overlay, List<Ahead> ahead) {
        this(board, profile, zonePath, entries, banner, version, layout, ticker, interrupts, overlay, ahead, Map.of());
    }

    /** A screen without a schedule ahead. */
    public Screen(Board board, BoardProfile profile, String zonePath, List<Entry> entries, String banner,
            long version, Layout layout, List<String> ticker, List<Slot> interrupts, String overlay) {
        this(board, profile, zonePath, entries, banner, version, layout, ticker, interrupts, overlay, List.of());
    }

    /** A screen without interrupts or overlay. */
    public Screen(Board board, BoardProfile profile, String zonePath, List<Entry> entries, String banner,
            long version, Layout layout, List<String> ticker) {
        this(board, profile, zonePath, entries, banner, version, layout, ticker, List.of(), null);
    }

    /** From {@code from} on, the board plays these (until the next one starts); notices on air are not foreseen. */
    public record Ahead(Instant from, Layout layout, List<Entry> entries, List<Slot> interrupts, String overlay,
            Map<String, List<Entry>> regions) {
        public Ahead {
            regions = Map.copyOf(regions);
        }
    }

    /**
     * The screen as it will be at {@code at} by the schedule ahead (this screen itself before the first change); the
     * banner stays as it is now.
     */
    public Screen at(Instant at) {
        Ahead now = null;
        for (Ahead a : ahead) {
            if (!a.from().isAfter(at)) {
                now = a;
            }
        }
        return now == null ? this : new Screen(board, profile, zonePath, now.entries(), banner, version, now.layout(),
                List.of(), now.interrupts(), now.overlay(), List.of(), now.regions());
    }

    /** An interrupt's entry, shown {@code offset} seconds into every hour for {@code seconds}. */
    public record Slot(int offset, int seconds, Entry entry) {
    }

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
        return new Screen(board, profile, zonePath, List.of(), null, -1, layout, List.of(), List.of(), null, List.of(),
                Map.of());
    }

    /** The same screen under another version. */
    public Screen withVersion(long v) {
        return new Screen(board, profile, zonePath, entries, banner, v, layout, ticker, interrupts, overlay, ahead,
                regions);
    }

    public boolean isRemoved() {
        return version == -1;
    }

    public long cycleMillis() {
        return entries.stream().mapToLong(e -> e.seconds() * 1000L).sum();
    }

    /**
     * The entry on screen at {@code now}: an interrupt in its slot of the hour, else the rotation's; null when both are
     * empty. Hours are counted from the epoch, which are Vietnam's hours too (UTC+7).
     */
    public Entry entryAt(Instant now) {
        long inHour = Math.floorMod(now.toEpochMilli(), 3_600_000L);
        for (Slot s : interrupts) {
            if (inHour >= s.offset() * 1000L && inHour < (s.offset() + s.seconds()) * 1000L) {
                return s.entry();
            }
        }
        return cycled(entries, now);
    }

    /**
     * The entry a further playlist region shows at {@code now}, on the same epoch clock as the main one; null when
     * nothing is assigned to it (the region is an empty panel). Interrupts cut into the main region only.
     */
    public Entry entryAt(String region, Instant now) {
        return cycled(regions.getOrDefault(region, List.of()), now);
    }

    private static Entry cycled(List<Entry> entries, Instant now) {
        long cycle = entries.stream().mapToLong(e -> e.seconds() * 1000L).sum();
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
