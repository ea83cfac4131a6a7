package vn.loa.server.display;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import vn.loa.core.model.Board;
import vn.loa.display.BoardProfile;
import vn.loa.display.campaign.Campaign;
import vn.loa.display.campaign.CampaignSchedule;
import vn.loa.display.campaign.ShareOfVoice;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Region;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.display.screen.Screen;
import vn.loa.display.screen.ScreenRenderer;

/**
 * What a board plays at a moment, from the campaigns scheduled to it and its own playlist (the fallback), and the
 * changes of the coming days, so a player cut from the server keeps following its schedule. Notices on air and
 * banners are not planned: they come and go live. Thread-safe; pure apart from the renderer's page counts.
 */
final class BoardPlanner {

    /** How far ahead a player is given its schedule. */
    static final int AHEAD_DAYS = 3;
    /** At most this many changes are sent ahead (a campaign changing every few minutes would otherwise swell it). */
    static final int MAX_CHANGES = 200;
    private static final int CACHED_PAGE_COUNTS = 4096;

    /**
     * What a board plays: its layout, the rotation of its main region, its interrupts' slots in the hour, its overlay,
     * and the rotation of each further playlist region by name.
     */
    record Plan(Layout layout, List<Screen.Entry> entries, List<Screen.Slot> interrupts, String overlay,
            Map<String, List<Screen.Entry>> regions) {
        static final Plan NOTHING = new Plan(Layout.FULL, List.of(), List.of(), null, Map.of());
    }

    private final ScreenRenderer renderer;
    private final Function<String, Layout> layouts;
    private final Map<String, Integer> pageCounts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > CACHED_PAGE_COUNTS;
        }
    };

    /** @param layouts a layout by name, never failing (an unknown name plays full screen) */
    BoardPlanner(ScreenRenderer renderer, Function<String, Layout> layouts) {
        this.renderer = renderer;
        this.layouts = layouts;
    }

    Plan at(Board board, BoardProfile profile, List<Campaign> campaigns, List<PlaylistItem> own, ZonedDateTime local) {
        CampaignSchedule.Selection chosen = CampaignSchedule.at(campaigns, own, local);
        Layout layout = layouts.apply(chosen.layout() == null ? board.layout() : chosen.layout());
        // Text is paged for the region it plays in, not the whole board.
        BoardProfile main = layout.playlistProfile(profile);
        List<ShareOfVoice.Interrupt> interrupts = chosen.interrupts().stream().map(c -> new ShareOfVoice.Interrupt(
                c.id(), c.shareSeconds(), entries(main, c.items()))).toList();
        // Items naming a further playlist region play there, paged for it; the rest (and unknown names) in the main one.
        Map<String, List<Screen.Entry>> regions = new java.util.HashMap<>();
        List<PlaylistItem> rotation = new ArrayList<>();
        for (PlaylistItem item : chosen.rotation()) {
            Region r = layout.playlistFor(item.region());
            if (r == layout.playlist()) {
                rotation.add(item);
            } else {
                BoardProfile at = layout.profileOf(r, profile);
                if (at != null) {
                    regions.computeIfAbsent(r.name(), k -> new ArrayList<>()).addAll(entries(at, List.of(item)));
                }
            }
        }
        regions.replaceAll((k, v) -> List.copyOf(v));
        return new Plan(layout, entries(main, rotation), ShareOfVoice.slots(interrupts), chosen.overlay(),
                Map.copyOf(regions));
    }

    /** The plans that follow {@code now}'s over the coming days, each from the moment it differs from the one before. */
    List<Screen.Ahead> ahead(Board board, BoardProfile profile, List<Campaign> campaigns, List<PlaylistItem> own,
            ZonedDateTime now, Plan current) {
        List<Screen.Ahead> ahead = new ArrayList<>();
        Plan before = current;
        for (Instant change : changes(campaigns, own, now, AHEAD_DAYS)) {
            Plan p = at(board, profile, campaigns, own, change.atZone(now.getZone()));
            if (!p.equals(before)) {
                ahead.add(new Screen.Ahead(change, p.layout(), p.entries(), p.interrupts(), p.overlay(),
                        p.regions()));
                before = p;
                if (ahead.size() == MAX_CHANGES) {
                    break;
                }
            }
        }
        return List.copyOf(ahead);
    }

    /**
     * The moments after {@code now} and within {@code days} at which what plays may change: each midnight (days of
     * the week), the hours items and campaigns start and stop, and campaigns' windows.
     */
    static List<Instant> changes(List<Campaign> campaigns, List<PlaylistItem> own, ZonedDateTime now, int days) {
        ZoneId zone = now.getZone();
        Instant from = now.toInstant();
        Instant until = from.plus(java.time.Duration.ofDays(days));
        TreeSet<Instant> at = new TreeSet<>();
        List<LocalTime> hours = new ArrayList<>();
        own.forEach(i -> hours(hours, i.from(), i.to()));
        for (Campaign c : campaigns) {
            hours(hours, c.from(), c.to());
            c.items().forEach(i -> hours(hours, i.from(), i.to()));
            if (c.startsAt() != null) {
                at.add(c.startsAt());
            }
            if (c.endsAt() != null) {
                at.add(c.endsAt());
            }
        }
        hours.add(LocalTime.MIDNIGHT);
        for (LocalDate d = now.toLocalDate(); !d.isAfter(now.toLocalDate().plusDays(days)); d = d.plusDays(1)) {
            for (LocalTime t : hours) {
                at.add(d.atTime(t).atZone(zone).toInstant());
            }
        }
        return List.copyOf(at.subSet(from, false, until, true));
    }

    private static void hours(List<LocalTime> hours, LocalTime from, LocalTime to) {
        if (from != null) {
            hours.add(from);
            hours.add(to);
        }
    }

    private List<Screen.Entry> entries(BoardProfile main, List<PlaylistItem> items) {
        List<Screen.Entry> entries = new ArrayList<>();
        for (PlaylistItem item : items) {
            String key = main + "|" + item;
            Integer known;
            synchronized (pageCounts) {
                known = pageCounts.get(key);
            }
            int pages = known != null ? known : renderer.pages(main, item);
            if (known == null) {
                synchronized (pageCounts) {
                    pageCounts.put(key, pages);
                }
            }
            for (int p = 0; p < pages; p++) {
                entries.add(new Screen.Entry(item, p, pages, item.seconds()));
            }
        }
        return List.copyOf(entries);
    }
}
