package vn.loa.display.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import vn.loa.display.BoardProfile;

/** Puts a picture on a board: whole, centred on black ({@link Fit#CONTAIN}), or filling it, cropped ({@link Fit#COVER}). */
public final class ImageRenderer {

    /** How a picture of another shape meets the board. */
    public enum Fit {
        CONTAIN, COVER
    }

    public BufferedImage render(BoardProfile profile, BufferedImage picture, Fit fit) {
        int w = profile.canvasWidth();
        int h = profile.canvasHeight();
        double sx = (double) w / picture.getWidth();
        double sy = (double) h / picture.getHeight();
        double scale = fit == Fit.COVER ? Math.max(sx, sy) : Math.min(sx, sy);
        int dw = (int) Math.round(picture.getWidth() * scale);
        int dh = (int) Math.round(picture.getHeight() * scale);
        BufferedImage canvas = Canvas.blank(w, h, Color.BLACK);
        Graphics2D g = Canvas.graphics(canvas);
        g.drawImage(picture, (w - dw) / 2, (h - dh) / 2, dw, dh, null);
        g.dispose();
        return Canvas.toPanel(profile, canvas);
    }
}
