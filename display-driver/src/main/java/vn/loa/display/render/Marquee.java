package vn.loa.display.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import vn.loa.display.BoardProfile;

/**
 * One line of text scrolling right to left across a small LED matrix. The line is drawn once into a strip (a blank
 * screen's width, then the text); each frame is a window onto the strip, so a frame costs a copy, not a text layout.
 * Immutable and thread-safe.
 */
public final class Marquee {

    private final BoardProfile profile;
    private final BufferedImage strip;
    private final Color background;

    private Marquee(BoardProfile profile, BufferedImage strip, Color background) {
        this.profile = profile;
        this.strip = strip;
        this.background = background;
    }

    public static Marquee of(BoardProfile profile, String text, Color background, Color colour) {
        int w = profile.canvasWidth();
        int h = profile.canvasHeight();
        String line = new TextSlide("", text).body().replaceAll("\\s+", " ");
        Font font = Fonts.bold(Math.max(6f, h * 0.72f));
        int textWidth = (int) Math.ceil(LineBreaker.width(font, line));
        BufferedImage strip = Canvas.blank(w + textWidth, h, background);
        Graphics2D g = Canvas.graphics(strip);
        g.setFont(font);
        g.setColor(colour);
        var metrics = font.getLineMetrics(line, LineBreaker.FRC);
        float baseline = (h - metrics.getAscent() - metrics.getDescent()) / 2f + metrics.getAscent();
        g.drawString(line, (float) w, baseline);
        g.dispose();
        return new Marquee(profile, strip, background);
    }

    public static Marquee of(BoardProfile profile, String text) {
        return of(profile, text, Canvas.BACKGROUND, Canvas.TITLE);
    }

    /** Frames in one full pass (the text enters on the right and has left on the left) at one pixel per frame. */
    public int period() {
        return strip.getWidth();
    }

    /** The panel frame after {@code step} pixels of scrolling (wraps around after {@link #period()}). */
    public BufferedImage frame(long step) {
        int w = profile.canvasWidth();
        int h = profile.canvasHeight();
        int sw = strip.getWidth();
        int start = (int) Math.floorMod(step, (long) sw);
        BufferedImage canvas = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        // Row copies straight between the pixel arrays: a frame is ~30 µs, not the ~300 of getRGB/setRGB.
        int[] from = ((DataBufferInt) strip.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) canvas.getRaster().getDataBuffer()).getData();
        int first = Math.min(w, sw - start);
        for (int y = 0; y < h; y++) {
            System.arraycopy(from, y * sw + start, to, y * w, first);
            if (first < w) {
                System.arraycopy(from, y * sw, to, y * w + first, w - first);
            }
        }
        return Canvas.toPanel(profile, canvas);
    }

    public Color background() {
        return background;
    }
}
