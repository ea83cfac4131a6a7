package vn.loa.display.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import vn.loa.display.BoardProfile;
import vn.loa.display.Orientation;

/** Blank images of a board's size, with the drawing hints every renderer uses, and the turn into a portrait panel. */
final class Canvas {

    static final Color BACKGROUND = new Color(0x0b2545);
    static final Color TITLE = new Color(0xffd166);
    static final Color BODY = Color.WHITE;

    private Canvas() {
    }

    static BufferedImage blank(int width, int height, Color background) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        return g;
    }

    /** The content canvas turned into the panel's own frame (a quarter clockwise for a portrait board). */
    static BufferedImage toPanel(BoardProfile profile, BufferedImage canvas) {
        if (profile.orientation() == Orientation.LANDSCAPE) {
            return canvas;
        }
        BufferedImage panel = new BufferedImage(profile.width(), profile.height(), BufferedImage.TYPE_INT_RGB);
        int h = canvas.getHeight();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < canvas.getWidth(); x++) {
                panel.setRGB(h - 1 - y, x, canvas.getRGB(x, y));
            }
        }
        return panel;
    }
}
