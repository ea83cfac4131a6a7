package vn.loa.display.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Text fitted to a box of a layout region: the largest bold type at which its lines (wrapped between words, as slides
 * are) fit the box with a margin, centred; one-line boxes (a ticker) cut the text with "…" rather than wrap.
 */
final class TextBox {

    private TextBox() {
    }

    /** Draws {@code lines} (each wrapped if it must) fitted into the box at (x, y). */
    static void draw(Graphics2D g, List<String> lines, Color colour, int x, int y, int width, int height,
            boolean centred) {
        int margin = Math.max(1, Math.min(width, height) / 12);
        double w = width - 2.0 * margin;
        double h = height - 2.0 * margin;
        float size = (float) Math.max(6, h / (lines.size() * SlideLayout.LINE_SPACING));
        // Lines are kept whole down to a third of the largest size (a date reads better small than broken), then wrap.
        float wrapBelow = size / 3;
        List<String> wrapped = wrap(lines, Fonts.bold(size), w);
        while (size > 6 && (wrapped.size() * size * SlideLayout.LINE_SPACING > h || widest(Fonts.bold(size), wrapped) > w
                || wrapped.size() > lines.size() && size > wrapBelow)) {
            size = Math.max(6, Math.min(size - 1, size * 0.92f));
            wrapped = wrap(lines, Fonts.bold(size), w);
        }
        paint(g, wrapped, Fonts.bold(size), colour, x, y, width, height, centred);
    }

    /** One line, the largest type that fits the box's height, cut with "…" at a word when wider than the box. */
    static void line(Graphics2D g, String text, Color colour, int x, int y, int width, int height) {
        int margin = Math.max(1, Math.min(width, height) / 12);
        Font font = Fonts.bold((float) Math.max(6, (height - 2.0 * margin) / SlideLayout.LINE_SPACING));
        String fitted = text;
        double room = width - 2.0 * margin;
        if (LineBreaker.width(font, fitted) > room) {
            List<String> words = new ArrayList<>(List.of(text.split(" ")));
            while (words.size() > 1 && LineBreaker.width(font, String.join(" ", words) + " …") > room) {
                words.remove(words.size() - 1);
            }
            fitted = String.join(" ", words) + " …";
        }
        paint(g, List.of(fitted), font, colour, x + margin, y, width - 2 * margin, height, false);
    }

    private static void paint(Graphics2D g, List<String> lines, Font font, Color colour, int x, int y, int width,
            int height, boolean centred) {
        g.setFont(font);
        g.setColor(colour);
        double lineHeight = font.getSize2D() * SlideLayout.LINE_SPACING;
        double ascent = font.getLineMetrics("Ấ", LineBreaker.FRC).getAscent();
        double top = y + (height - lines.size() * lineHeight) / 2;
        java.awt.Shape clip = g.getClip();
        g.clipRect(x, y, width, height); // a region never paints over its neighbours
        for (String line : lines) {
            double left = centred ? x + (width - LineBreaker.width(font, line)) / 2 : x;
            g.drawString(line, (float) left, (float) (top + (lineHeight - font.getSize2D()) / 2 + ascent));
            top += lineHeight;
        }
        g.setClip(clip);
    }

    private static List<String> wrap(List<String> lines, Font font, double width) {
        List<String> out = new ArrayList<>();
        lines.forEach(l -> out.addAll(LineBreaker.lines(font, l, width)));
        return out;
    }

    private static double widest(Font font, List<String> lines) {
        return lines.stream().mapToDouble(l -> LineBreaker.width(font, l)).max().orElse(0);
    }
}
