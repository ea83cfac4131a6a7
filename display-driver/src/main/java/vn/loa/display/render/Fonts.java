package vn.loa.display.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts boards are drawn with: DejaVu Sans and DejaVu Sans Bold from {@code assets/fonts} (Bitstream Vera licence,
 * see LICENSE-DejaVu.txt there), loaded from the class path so a board looks the same on every server whatever fonts
 * the system has. Both cover every Vietnamese letter and tone mark.
 */
public final class Fonts {

    /** Where the player page and the renderers find the font files. */
    public static final String RESOURCE_DIR = "/vn/loa/display/fonts/";
    public static final String REGULAR_FILE = "DejaVuSans.ttf";
    public static final String BOLD_FILE = "DejaVuSans-Bold.ttf";

    private static final Font REGULAR = load(REGULAR_FILE);
    private static final Font BOLD = load(BOLD_FILE);

    private Fonts() {
    }

    public static Font regular(float size) {
        return REGULAR.deriveFont(size);
    }

    public static Font bold(float size) {
        return BOLD.deriveFont(size);
    }

    private static Font load(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the class path (assets/fonts)");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("font " + file + " is not a TrueType font", e);
        }
    }
}
