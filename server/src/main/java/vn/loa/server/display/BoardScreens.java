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
import vn.loa.display.layout.Layouts;
import vn.loa.server.board.BoardRepository;
import vn.loa.server.db.Scoped;

/**
 * The live state of every board: its {@link Screen} (the notices on air in its zone as text slides, then its active
 * playlist, and the banner), rebuilt when its playlist changes, when a banner or notice goes up or down, and every half
 * minute for day-parting; watchers (web players, the LED driver) hear of each change.
 *
 * <p>Thread-safe. Methods that read the database ({@link #screen}, {@link #refresh}, {@link #refreshAll}) block;
 * banner changes are computed in memory.
 */
public final class BoardScreens {

    /** How long each page of a notice slide shows. */
    static final int NOTICE_SECONDS = 15;

    private final Jdbi jdbi;
    private final BoardRepository boards = new BoardRepository();
    private final BoardContentRepository content;
    private final Banners banners;
    private final Banners notices;
    private final ScreenRenderer renderer;
    private final Clock clock;
    private final ZoneId timeZone;
    private final Map<String, Screen> screens = new ConcurrentHashMap<>();
    /** Each board's own active playlist, so notices can be put ahead of it and taken off again without the database. */
    private final Map<String, List<Screen.Entry>> playlists = new ConcurrentHashMap<>();
    /** How many pages a notice takes on a board of a profile, so the once-a-second rebanner renders nothing twice. */
    private final Map<String, Map<BoardProfile, Integer>> noticePages = new ConcurrentHashMap<>();
    private final List<Consumer<Screen>> watchers = new CopyOnWriteArrayList<>();
    private final AtomicLong versions = new AtomicLong();

    /** @param notices the text slides of announcements on air (their text is the title, a line break, the body) */
    public BoardScreens(Jdbi jdbi, BoardContentRepository content, Banners banners, Banners notices,
            ScreenRenderer renderer, Clock clock, ZoneId timeZone) {
        this.jdbi = jdbi;
        this.content = content;
        this.banners = banners;
        this.notices = notices;
        this.renderer = renderer;
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

    /** When the banner over a board in this zone ends (null: none, or none set), so players offline take it down. */
    public java.time.Instant bannerUntil(String zonePath) {
        return banners.over(zonePath).map(Banners.Banner::until).orElse(null);
    }

    /** Puts the current banners on the screens they cover (no database: called when a banner goes up or down). */
    public void rebanner() {
        java.util.Set<String> up = new java.util.HashSet<>();
        screens.values().forEach(s -> notices.allOver(s.zonePath()).forEach(n -> up.add(n.id())));
        noticePages.keySet().retainAll(up);
        screens.values().forEach(s -> publish(withBanner(s.board(), s.profile(), s.layout(), s.zonePath(),
                playlists.getOrDefault(s.board().id(), List.of()))));
    }

    private Screen load(Handle h, Scoped<Board> found) {
        Board board = found.value();
        BoardProfile profile = BoardProfile.of(board);
        Layout layout = layoutOf(board);
        // Text is paged for the region it plays in, not the whole board.
        BoardProfile main = layout.playlistProfile(profile);
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(timeZone));
        List<Screen.Entry> entries = new ArrayList<>();
        for (PlaylistItem item : content.playlist(h, board.id())) {
            if (item.playsAt(local)) {
                int pages = renderer.pages(main, item);
                for (int p = 0; p < pages; p++) {
                    entries.add(new Screen.Entry(item, p, pages, item.seconds()));
                }
            }
        }
        playlists.put(board.id(), List.copyOf(entries));
        return withBanner(board, profile, layout, found.zonePath(), List.copyOf(entries));
    }

    /** The board's layout; a name no template has any more (an upgrade removed it) plays full screen, not nothing. */
    private static Layout layoutOf(Board board) {
        try {
            return Layouts.named(board.layout());
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(BoardScreens.class).warn("board {}: {}", board.id(), e.getMessage());
            return Layout.FULL;
        }
    }

    private Screen withBanner(Board board, BoardProfile profile, Layout layout, String zonePath,
            List<Screen.Entry> playlist) {
        String banner = banners.over(zonePath).map(Banners.Banner::text).orElse(null);
        List<Banners.Banner> onAir = notices.allOver(zonePath);
        if (onAir.isEmpty()) {
            return new Screen(board, profile, zonePath, playlist, banner, 0, layout, List.of());
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
            int pages = noticePages.computeIfAbsent(notice.id(), k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(main, p -> renderer.pages(p, item));
            for (int p = 0; p < pages; p++) {
                entries.add(new Screen.Entry(item, p, pages, NOTICE_SECONDS));
            }
        }
        entries.addAll(playlist);
        return new Screen(board, profile, zonePath, List.copyOf(entries), banner, 0, layout, List.copyOf(ticker));
    }

    /** Stores the screen with a new version if it differs from the last one, and tells the watchers. */
    private Screen publish(Screen candidate) {
        String id = candidate.board().id();
        Screen[] changed = new Screen[1];
        Screen result = screens.compute(id, (k, old) -> {
            if (old != null && Objects.equals(old.board(), candidate.board())
                    && old.entries().equals(candidate.entries()) && Objects.equals(old.banner(), candidate.banner())) {
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
