package vn.loa.display.layout;

import java.awt.Rectangle;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.loa.display.BoardProfile;
import vn.loa.display.Orientation;

/**
 * A board's canvas cut into regions, drawn in the coordinates of its own canvas ({@code width} × {@code height}, e.g.
 * 1920×1080 or an LED matrix's 128×64) and scaled to each board's canvas.
 *
 * @param regions in drawing order (lowest {@code z} first)
 * @throws IllegalArgumentException (in words a clerk can act on) when a region leaves the canvas, two regions share a
 *     name, or no region plays a playlist
 */
public record Layout(String name, String title, int width, int height, List<Region> regions) {

    /** The whole board plays its playlist: what every board showed before layouts. */
    public static final Layout FULL = new Layout("full", "Toàn màn hình", 1920, 1080,
            List.of(new Region("main", 0, 0, 1920, 1080, 0, Widget.PLAYLIST, null)));

    /** The name the main playlist region takes when a layout has several. */
    public static final String MAIN = "main";

    /** The smallest side of a region on a board: below it a region is not drawn. */
    static final int MIN_SIDE = 8;

    public Layout {
        if (name == null || !name.matches("[a-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("tên bố cục chỉ gồm chữ thường, số và '-' (1-64 ký tự), không phải '"
                    + name + "'");
        }
        if (width < MIN_SIDE || height < MIN_SIDE || width > BoardProfile.MAX_SIDE || height > BoardProfile.MAX_SIDE) {
            throw new IllegalArgumentException("bố cục " + name + ": khung " + width + "×" + height + " không hợp lệ");
        }
        Set<String> names = new HashSet<>();
        int playlists = 0;
        for (Region r : regions) {
            if (r.name() == null || r.name().isBlank() || !names.add(r.name())) {
                throw new IllegalArgumentException("bố cục " + name + ": tên vùng '" + r.name() + "' trống hoặc trùng");
            }
            if (r.widget() == null) {
                throw new IllegalArgumentException("bố cục " + name + ": vùng " + r.name() + " thiếu nội dung (widget)");
            }
            if (r.x() < 0 || r.y() < 0 || r.width() < 1 || r.height() < 1
                    || r.x() + r.width() > width || r.y() + r.height() > height) {
                throw new IllegalArgumentException("bố cục " + name + ": vùng " + r.name() + " (" + r.x() + "," + r.y()
                        + " " + r.width() + "×" + r.height() + ") nằm ngoài khung " + width + "×" + height);
            }
            playlists += r.widget() == Widget.PLAYLIST ? 1 : 0;
        }
        if (playlists < 1) {
            throw new IllegalArgumentException("bố cục " + name + " cần ít nhất một vùng phát danh sách (PLAYLIST)");
        }
        regions = regions.stream().sorted(Comparator.comparingInt(Region::z)).toList();
    }

    public boolean isFull() {
        return regions.size() == 1;
    }

    /**
     * The main playlist region, where items without a region of their own (and notices on air, and interrupts) play:
     * the playlist region named {@code main}, else the first playlist region in drawing order.
     */
    public Region playlist() {
        List<Region> all = regions.stream().filter(r -> r.widget() == Widget.PLAYLIST).toList();
        return all.stream().filter(r -> r.name().equals(MAIN)).findFirst().orElse(all.get(0));
    }

    /** The playlist regions besides the main one, each playing its own items (a side column cycling pictures). */
    public List<Region> sidePlaylists() {
        Region main = playlist();
        return regions.stream().filter(r -> r.widget() == Widget.PLAYLIST && r != main).toList();
    }

    /** The region an item assigned to {@code name} plays in: that side playlist region, else the main one. */
    public Region playlistFor(String name) {
        return sidePlaylists().stream().filter(r -> r.name().equals(name)).findFirst().orElse(playlist());
    }

    /** Whether a frame of this layout changes with the minute (a clock or a date on it). */
    public boolean followsClock() {
        return regions.stream().anyMatch(r -> r.widget().followsClock());
    }

    /** Where a region lies on a canvas of {@code canvasWidth} × {@code canvasHeight}; edges are rounded, never gapped. */
    public Rectangle place(Region r, int canvasWidth, int canvasHeight) {
        int x0 = (int) Math.round((double) r.x() * canvasWidth / width);
        int y0 = (int) Math.round((double) r.y() * canvasHeight / height);
        int x1 = (int) Math.round((double) (r.x() + r.width()) * canvasWidth / width);
        int y1 = (int) Math.round((double) (r.y() + r.height()) * canvasHeight / height);
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** The region as a panel of its own (landscape: the board's canvas is turned once, after composing), or null if too small. */
    public BoardProfile profileOf(Region r, BoardProfile board) {
        if (isFull()) {
            return board;
        }
        Rectangle at = place(r, board.canvasWidth(), board.canvasHeight());
        if (at.width < MIN_SIDE || at.height < MIN_SIDE) {
            return null;
        }
        return new BoardProfile(board.id() + "#" + r.name(), board.kind(), at.width, at.height, Orientation.LANDSCAPE,
                board.colourBits(), board.brightness(), null);
    }

    /** The panel the playlist is laid out for: the whole board for the full layout. */
    public BoardProfile playlistProfile(BoardProfile board) {
        BoardProfile p = profileOf(playlist(), board);
        return p == null ? board : p;
    }
}
