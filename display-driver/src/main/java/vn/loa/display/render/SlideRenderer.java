package vn.loa.display.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import vn.loa.display.BoardProfile;

/** Draws text slides (and, in other colours, emergency banners) on a board's canvas. Stateless and thread-safe. */
public final class SlideRenderer {

    /** The colours of a slide. */
    public record Style(Color background, Color title, Color body) {
    }

    public static final Style NOTICE = new Style(Canvas.BACKGROUND, Canvas.TITLE, Canvas.BODY);

    /** How many pages the slide needs on this board. */
    public int pages(BoardProfile profile, TextSlide slide) {
        return layout(profile, slide).pages().size();
    }

    public SlideLayout layout(BoardProfile profile, TextSlide slide) {
        return SlideLayout.of(slide, profile.canvasWidth(), profile.canvasHeight());
    }

    /** Page {@code page} (0-based, wrapped around) of the slide, as the panel's frame. */
    public BufferedImage render(BoardProfile profile, TextSlide slide, int page) {
        return render(profile, layout(profile, slide), page, NOTICE);
    }

    BufferedImage render(BoardProfile profile, SlideLayout layout, int page, Style style) {
        SlideLayout.Page p = layout.pages().get(Math.floorMod(page, layout.pages().size()));
        BufferedImage canvas = Canvas.blank(profile.canvasWidth(), profile.canvasHeight(), style.background());
        Graphics2D g = Canvas.graphics(canvas);
        double y = layout.margin();
        y = draw(g, p.title(), layout.titleFont(), style.title(), layout.margin(), y);
        if (!p.title().isEmpty()) {
            y += SlideLayout.lineHeight(layout.bodyFont()) * 0.5;
        }
        draw(g, p.body(), layout.bodyFont(), style.body(), layout.margin(), y);
        g.dispose();
        return Canvas.toPanel(profile, canvas);
    }

    private static double draw(Graphics2D g, List<String> lines, Font font, Color colour, int x, double top) {
        g.setFont(font);
        g.setColor(colour);
        double y = top;
        double ascent = font.getLineMetrics("Ấ", LineBreaker.FRC).getAscent();
        for (String line : lines) {
            // Leading above the ascent leaves room for the stacked marks of capitals (Ấ, Ở) within the line.
            g.drawString(line, (float) x, (float) (y + (SlideLayout.lineHeight(font) - font.getSize2D()) / 2 + ascent));
            y += SlideLayout.lineHeight(font);
        }
        return y;
    }
}
