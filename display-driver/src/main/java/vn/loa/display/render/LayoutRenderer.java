package vn.loa.display.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Region;
import vn.loa.display.lunar.LunarCalendar;
import vn.loa.display.lunar.LunarDate;

/**
 * Composes a frame of a layout: every region in z order, the playlist region from the frame the slide and picture
 * renderers drew at its size, the widgets (text, clock, solar and lunar date, ticker, weather) drawn here. Stateless.
 */
public final class LayoutRenderer {

    static final Color HEADER = new Color(0x061a33);
    static final Color PANEL = new Color(0x13315c);
    static final Color TICKER = Canvas.TITLE;
    private static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
        "Chủ nhật"};
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter SOLAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final LunarCalendar lunar = new LunarCalendar();

    /** What the widgets show: the board's name for a text region without its own, the local time, the notices. */
    public record Content(String boardName, ZonedDateTime time, List<String> ticker) {
    }

    /** The panel frame: {@code playlist} (drawn at the playlist region's size) placed among the widgets. */
    public BufferedImage render(BoardProfile profile, Layout layout, BufferedImage playlist, Content content) {
        return render(profile, layout, playlist, java.util.Map.of(), content);
    }

    /**
     * The panel frame with the further playlist regions too: {@code sides} holds each one's frame, drawn at its size,
     * by region name; a region without one is an empty panel.
     */
    public BufferedImage render(BoardProfile profile, Layout layout, BufferedImage playlist,
            java.util.Map<String, BufferedImage> sides, Content content) {
        Region main = layout.playlist();
        int cw = profile.canvasWidth();
        int ch = profile.canvasHeight();
        BufferedImage canvas = Canvas.blank(cw, ch, Canvas.BACKGROUND);
        Graphics2D g = Canvas.graphics(canvas);
        for (Region r : layout.regions()) {
            Rectangle at = layout.place(r, cw, ch);
            if (at.width < 1 || at.height < 1) {
                continue;
            }
            switch (r.widget()) {
                case PLAYLIST -> {
                    BufferedImage own = r == main ? playlist : sides.get(r.name());
                    if (own == null) {
                        fill(g, at, PANEL);
                    } else {
                        g.drawImage(own, at.x, at.y, at.width, at.height, null);
                    }
                }
                case TEXT -> box(g, at, HEADER, Canvas.TITLE,
                        List.of(nfc(r.text() == null || r.text().isBlank() ? content.boardName() : r.text())));
                case CLOCK -> box(g, at, PANEL, Canvas.BODY, List.of(content.time().format(CLOCK)));
                case DATE -> box(g, at, PANEL, Canvas.BODY, dateLines(content.time()));
                case TICKER -> {
                    fill(g, at, TICKER);
                    String line = nfc(String.join("  •  ", content.ticker()));
                    if (!line.isBlank()) {
                        TextBox.line(g, line, Canvas.BACKGROUND, at.x, at.y, at.width, at.height);
                    }
                }
                // No weather source yet: the region stays an empty panel, never an error on the board.
                case WEATHER -> fill(g, at, PANEL);
            }
        }
        g.dispose();
        return Canvas.toPanel(profile, canvas);
    }

    /** "Thứ Hai, 07/12/2026" and "Âm lịch 27/10 Bính Ngọ". */
    List<String> dateLines(ZonedDateTime time) {
        LunarDate l = lunar.of(time.withZoneSameInstant(LunarCalendar.VIETNAM).toLocalDate());
        return List.of(WEEKDAYS[time.getDayOfWeek().getValue() - 1] + ", " + time.format(SOLAR),
                "Âm lịch " + l.display());
    }

    private static void box(Graphics2D g, Rectangle at, Color background, Color colour, List<String> lines) {
        fill(g, at, background);
        TextBox.draw(g, lines, colour, at.x, at.y, at.width, at.height, true);
    }

    private static void fill(Graphics2D g, Rectangle at, Color colour) {
        g.setColor(colour);
        g.fillRect(at.x, at.y, at.width, at.height);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s == null ? "" : s.strip(), Normalizer.Form.NFC);
    }
}
