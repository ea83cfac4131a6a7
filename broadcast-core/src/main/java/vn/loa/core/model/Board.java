package vn.loa.core.model;

/**
 * A public electronic display board (bảng tin điện tử) in a zone.
 *
 * @param driver      how content reaches it: {@code web} (kiosk browser player) or {@code ddp} / {@code ddp:HOST[:PORT]}
 *                    (LED matrix controller); null means web
 * @param orientation {@code LANDSCAPE}, or {@code PORTRAIT} for a panel mounted a quarter turn clockwise
 * @param colourBits  bits per colour channel the panel shows (1-8)
 * @param brightness  steps through the day, {@code "05:00=100,22:00=30"}; null for its kind's default
 * @param layout      the name of the layout template its screen is cut into; null for the whole screen
 */
public record Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver,
        String orientation, int colourBits, String brightness, String layout) {

    /** A board showing its playlist on the whole screen. */
    public Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver,
            String orientation, int colourBits, String brightness) {
        this(id, name, zone, kind, width, height, driver, orientation, colourBits, brightness, null);
    }

    /** A landscape board with 8 bits per colour and its kind's brightness. */
    public Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver) {
        this(id, name, zone, kind, width, height, driver, "LANDSCAPE", 8, null);
    }
}
