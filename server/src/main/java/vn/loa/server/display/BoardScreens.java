package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.ScreenRenderer;
import vn.loa.display.screen.PlaylistItem;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Board;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;
import vn.loa.display.campaign.Campaign;
import vn.loa.server.board.BoardRepository;
import vn.loa.server.db.Scoped;

/**
 * The live state of every board: its {@link Screen} (the notices on air in its zone as text slides, then what
 * {@link BoardPlanner} chose: the campaign of highest priority or the board's own playlist, interrupts, overlay, the
 * schedule ahead; and the banner), rebuilt when its playlist or campaigns change, when a banner or notice goes up or
 * down, and every half minute for day-parting; watchers (web players, the LED driver) hear of each change.
 *
 * <p>Thread-safe. Methods that read the database ({@link #screen}, {@link #refresh}, {@link #refreshAll}) block;
 * banner changes are computed in memory.
 */
public final class BoardScreens {

    /** How long each page of a notice slide shows. */
    static final int NOTICE_SECONDS = 15;
    /** What the overlay of a notice on air begins with. */
    static final String ON_AIR = "Đang phát trên loa: ";

    private final Jdbi jdbi;
    private final BoardRepository boards = new BoardRepository();
    private final BoardContentRepository content;
    private final Banners banners;
    private final Banners notices;
    private final ScreenRenderer renderer;
    private final Clock clock;
    private final ZoneId timeZone;
    private final Map<String, Screen> screens = new ConcurrentHashMap<>();
    /** What each board plays apart from notices, so notices can be put ahead of it and taken off without the database. */
    private final Map<String, Planned> playlists = new ConcurrentHashMap<>();
    private final vn.loa.server.display.campaign.CampaignRepository campaigns =
            new vn.loa.server.display.campaign.CampaignRepository();

    /** What a board plays apart from notices now, and its schedule ahead. */
    private record Planned(BoardPlanner.Plan now, List<Screen.Ahead> ahead) {
        static final Planned NOTHING = new Planned(BoardPlanner.Plan.NOTHING, List.of());
    }

    private final BoardPlanner planner;
    /** How many pages a notice takes on a board of a profile, so the once-a-second rebanner renders nothing twice. */
    private final Map<String, Map<BoardProfile, Integer>> noticePages = new ConcurrentHashMap<>();
    private final List<Consumer<Screen>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong versions = new AtomicLong();

    /** @param notices the text slides of announcements on air (their text is the title, a line break, the body) */
    public BoardScreens(Jdbi jdbi, BoardContentRepository content, Banners banners, Banners notices,
            ScreenRenderer renderer, vn.loa.server.layout.LayoutCatalog layouts, Clock clock, ZoneId timeZone) {
        this.jdbi = jdbi;
        this.content = content;
        this.banners = banners;
        this.notices = notices;
        this.renderer = renderer;
        this.planner = new BoardPlanner(renderer, name -> layoutOf(layouts, name));
        this.clock = clock;
        this.timeZone = timeZone;
        banners.onChange(b -> rebanner());
        notices.onChange(b -> rebanner());
    }

    /** Called with every new screen (a board's content or banner changed), and with {@link Screen#removed()}. */
    public void watch(Consumer<Screen> watcher) {
        watchers.add(watcher);
    }

    /** The board's screen, loaded on first use; empty for a board that does not exist. */
    public Optional<Screen> screen(String boardId) {
        Screen known = screens.get(boardId);
        return known != null ? Optional.of(known) : refresh(boardId);
    }

    /** When the banner over the screen comes down by itself; null when it has no end (or there is none). */
    public java.time.Instant bannerUntil(Screen screen) {
        return banners.over(screen.zonePath()).map(Banners.Banner::until).orElse(null);
    }

    public List<Screen> all() {
        return List.copyOf(screens.values());
    }

    /** Re-reads a board and its playlist; tells the watchers when what it shows changed. */
    public Optional<Screen> refresh(String boardId) {
        Optional<Screen> fresh = jdbi.withHandle(h -> boards.find(h, boardId).map(found -> load(h, found)));
        if (fresh.isEmpty()) {
            playlists.remove(boardId);
            Screen gone = screens.remove(boardId);
            if (gone != null) {
                watchers.forEach(w -> w.accept(gone.removed()));
            }
            return Optional.empty();
        }
        return Optional.of(publish(fresh.get()));
    }

    /** Re-reads every board: at start, and every half minute for the hours and days items play. */
    public void refreshAll() {
        List<String> ids = new ArrayList<>(jdbi.withHandle(h -> boards.inSubtree(h, "/")).stream().map(Board::id).toList());
        screens.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        ids.forEach(this::refresh);
    }

    /** Puts the current banners on the screens they cover (no database: called when a banner goes up or down). */
    public void rebanner() {
        java.util.Set<String> up = new java.util.HashSet<>();
        screens.values().forEach(s -> notices.allOver(s.zonePath()).forEach(n -> up.add(n.id())));
        noticePages.keySet().retainAll(up);
        screens.values().forEach(s -> publish(withBanner(s.board(), s.profile(), s.layout(), s.zonePath(),
                playlists.getOrDefault(s.board().id(), Planned.NOTHING))));
    }

    private Screen load(Handle h, Scoped<Board> found) {
        Board board = found.value();
        BoardProfile profile = BoardProfile.of(board);
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(timeZone));
        // The campaigns scheduled to the board decide what plays; its own playlist is the fallback.
        List<Campaign> scheduled = campaigns.forBoard(h, board.id(), found.zonePath());
        List<PlaylistItem> own = content.playlist(h, board.id());
        BoardPlanner.Plan now = planner.at(board, profile, scheduled, own, local);
        Planned planned = new Planned(now, planner.ahead(board, profile, scheduled, own, local, now));
        playlists.put(board.id(), planned);
        return withBanner(board, profile, now.layout(), found.zonePath(), planned);
    }

    /** A layout by name; a name no template has any more (an upgrade removed it) plays full screen, not nothing. */
    private static Layout layoutOf(vn.loa.server.layout.LayoutCatalog layouts, String name) {
        try {
            return layouts.named(name);
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(BoardScreens.class).warn("{}", e.getMessage());
            return Layout.FULL;
        }
    }

    private Screen withBanner(Board board, BoardProfile profile, Layout layout, String zonePath, Planned planned) {
        String banner = banners.over(zonePath).map(Banners.Banner::text).orElse(null);
        List<Banners.Banner> onAir = notices.allOver(zonePath);
        List<Screen.Entry> playlist = planned.now().entries();
        if (onAir.isEmpty()) {
            return new Screen(board, profile, zonePath, playlist, banner, 0, layout, List.of(),
                    planned.now().interrupts(), planned.now().overlay(), planned.ahead(), planned.now().regions());
        }
        BoardProfile main = layout.playlistProfile(profile);
        List<String> ticker = new ArrayList<>();
        List<Screen.Entry> entries = new ArrayList<>();
        for (Banners.Banner notice : onAir) {
            int cut = notice.text().indexOf('\n');
            PlaylistItem item = new PlaylistItem(notice.id(), PlaylistItem.Kind.TEXT,
                    cut < 0 ? notice.text() : notice.text().substring(0, cut),
                    cut < 0 ? "" : notice.text().substring(cut + 1), null, null, NOTICE_SECONDS, Set.of(), null, null);
            ticker.add(item.title());
            if (!item.body().isBlank() || notice.pictures().isEmpty()) {
                int pages = noticePages.computeIfAbsent(notice.id(), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(main, p -> renderer.pages(p, item));
                for (int p = 0; p < pages; p++) {
                    entries.add(new Screen.Entry(item, p, pages, NOTICE_SECONDS));
                }
            }
            // Its pictures follow its words, whole on black (a poster or a map must not be cropped).
            for (int i = 0; i < notice.pictures().size(); i++) {
                entries.add(new Screen.Entry(new PlaylistItem(notice.id() + "-anh" + i, PlaylistItem.Kind.IMAGE,
                        item.title(), "", notice.pictures().get(i), "contain", NOTICE_SECONDS, Set.of(), null, null),
                        0, 1, NOTICE_SECONDS));
            }
        }
        entries.addAll(playlist);
        // The notice the radio is reading is also written over whatever plays, as an overlay.
        return new Screen(board, profile, zonePath, List.copyOf(entries), banner, 0, layout, List.copyOf(ticker),
                planned.now().interrupts(), ON_AIR + ticker.get(0), planned.ahead(), planned.now().regions());
    }

    /** Stores the screen with a new version if it differs from the last one, and tells the watchers. */
    private Screen publish(Screen candidate) {
        String id = candidate.board().id();
        Screen[] changed = new Screen[1];
        Screen result = screens.compute(id, (k, old) -> {
            if (old != null && Objects.equals(old.board(), candidate.board())
                    && old.entries().equals(candidate.entries()) && Objects.equals(old.banner(), candidate.banner())
                    && old.layout().equals(candidate.layout()) && old.interrupts().equals(candidate.interrupts())
                    && Objects.equals(old.overlay(), candidate.overlay()) && old.ahead().equals(candidate.ahead())
                    && old.regions().equals(candidate.regions())) {
                return old;
            }
            changed[0] = candidate.withVersion(versions.incrementAndGet());
            return changed[0];
        });
        if (changed[0] != null) {
            watchers.forEach(w -> w.accept(changed[0]));
        }
        return result;
    }
}
