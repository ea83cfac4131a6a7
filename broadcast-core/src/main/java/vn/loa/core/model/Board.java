package vn.loa.core.model;

/**
 * A public electronic display board (bảng tin điện tử) in a zone.
 *
 * @param driver      how content reaches it: {@code web} (kiosk browser player) or {@code ddp} / {@code ddp:HOST[:PORT]}
 *                    (LED matrix controller); null means web
 * @param orientation {@code LANDSCAPE}, or {@code PORTRAIT} for a panel mounted a quarter turn clockwise
 * @param colourBits  bits per colour channel the panel shows (1-8)
 * @param brightness  steps through the day, {@code "05:00=100,22:00=30"}; null for its kind's default
 * @param lat         where it stands, WGS 84 degrees (CAP polygons and circles reach it); null when not known
 * @param lon         likewise
 * @param layout      the name of the layout template its screen is cut into; null for the whole screen
 */
public record Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver,
        String orientation, int colourBits, String brightness, Double lat, Double lon, String layout) {

    /** A board whose place is not known, showing its playlist on the whole screen. */
    public Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver,
            String orientation, int colourBits, String brightness) {
        this(id, name, zone, kind, width, height, driver, orientation, colourBits, brightness, null, null, null);
    }

    /** A board whose place is not known. */
    public Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver,
            String orientation, int colourBits, String brightness, String layout) {
        this(id, name, zone, kind, width, height, driver, orientation, colourBits, brightness, null, null, layout);
    }

    /** A board showing its playlist on the whole screen. */
    public Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver,
            String orientation, int colourBits, String brightness, Double lat, Double lon) {
        this(id, name, zone, kind, width, height, driver, orientation, colourBits, brightness, lat, lon, null);
    }

    /** A landscape board with 8 bits per colour and its kind's brightness. */
    public Board(String id, String name, String zone, BoardKind kind, int width, int height, String driver) {
        this(id, name, zone, kind, width, height, driver, "LANDSCAPE", 8, null);
    }
}
