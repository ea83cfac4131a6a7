package vn.loa.display.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import vn.loa.display.BoardProfile;

/**
 * An overlay: a band across the foot of the board, drawn over whatever plays, holding one line of a short notice
 * (a campaign's, or the title of the notice the radio is reading). Yellow on dark blue, cut at a word with "…".
 * Stateless.
 */
public final class OverlayRenderer {

    static final Color BAND = new Color(0x0b2545);
    static final Color TEXT = new Color(0xffd60a);

    /** Where the band lies on a board of this size: its full width, the bottom seventh (at least 8 px). */
    public static Rectangle band(int width, int height) {
        int h = Math.min(height, Math.max(8, height / 7));
        return new Rectangle(0, height - h, width, h);
    }

    /** The band alone, of the board's width. */
    public BufferedImage render(BoardProfile profile, String text) {
        Rectangle at = band(profile.canvasWidth(), profile.canvasHeight());
        BufferedImage image = new BufferedImage(at.width, at.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.graphics(image);
        try {
            g.setColor(BAND);
            g.fillRect(0, 0, at.width, at.height);
            TextBox.line(g, java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC), TEXT, 0, 0,
                    at.width, at.height);
        } finally {
            g.dispose();
        }
        return image;
    }

    /**
     * Where the band lies on the panel's own frame: the canvas's foot, turned with a portrait panel (its left strip).
     */
    public static Rectangle onPanel(BoardProfile profile) {
        return onPanel(profile, band(profile.canvasWidth(), profile.canvasHeight()));
    }

    /** A rectangle of the board's canvas as it lies on the panel (turned a quarter clockwise for a portrait board). */
    public static Rectangle onPanel(BoardProfile profile, Rectangle at) {
        if (profile.orientation() == vn.loa.display.Orientation.LANDSCAPE) {
            return at;
        }
        return new Rectangle(profile.canvasHeight() - at.y - at.height, at.x, at.height, at.width);
    }

    /** The band as it lies on the panel (turned a quarter clockwise for a portrait board). */
    public BufferedImage onPanelImage(BoardProfile profile, String text) {
        return onPanel(profile, render(profile, text));
    }

    /** A part of the board's canvas as it lies on the panel: the player lays it over its frame at {@link #onPanel}. */
    public static BufferedImage onPanel(BoardProfile profile, BufferedImage band) {
        if (profile.orientation() == vn.loa.display.Orientation.LANDSCAPE) {
            return band;
        }
        int h = band.getHeight();
        BufferedImage turned = new BufferedImage(h, band.getWidth(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < band.getWidth(); x++) {
                turned.setRGB(h - 1 - y, x, band.getRGB(x, y));
            }
        }
        return turned;
    }

    /** A copy of the panel frame with the band drawn over it; the frame itself (cached, shared) is left alone. */
    public BufferedImage over(BoardProfile profile, BufferedImage frame, String text) {
        BufferedImage copy = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        try {
            g.drawImage(frame, 0, 0, null);
            Rectangle at = onPanel(profile);
            g.drawImage(onPanelImage(profile, text), at.x, at.y, null);
        } finally {
            g.dispose();
        }
        return copy;
    }
}
