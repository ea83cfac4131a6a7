package vn.loa.display.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import vn.loa.display.BoardProfile;

/**
 * The emergency banner: white on red, headed "KHẨN CẤP", over whatever the board was showing. On a matrix too small
 * for paragraphs it is a red marquee. Stateless.
 */
public final class BannerRenderer {

    public static final String HEADING = "⚠ KHẨN CẤP";
    static final Color RED = new Color(0xc1121f);
    private static final SlideRenderer.Style ALERT = new SlideRenderer.Style(RED, Color.WHITE, Color.WHITE);

    private final SlideRenderer slides = new SlideRenderer();

    /** The banner as one still frame (a long text ends in "…" rather than paging: an alert must be read at once). */
    public BufferedImage render(BoardProfile profile, String text) {
        TextSlide slide = new TextSlide(HEADING, text);
        return slides.render(profile, slides.layout(profile, slide), 0, ALERT);
    }

    /** The banner as a marquee, for small LED matrices. */
    public Marquee marquee(BoardProfile profile, String text) {
        return Marquee.of(profile, HEADING + "  " + text, RED, Color.WHITE);
    }
}
