package vn.loa.display;

import java.net.InetSocketAddress;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;

/**
 * Everything a renderer and a driver need to know of one board: its panel (kind, size, mounting, colour depth), its
 * brightness through the day and how frames reach it.
 *
 * @param width       the panel's pixels across, as mounted in the factory (landscape)
 * @param height      the panel's pixels down
 * @param colourBits  bits per colour channel the panel shows (8 for screens; LED controllers often 4–8)
 * @param ddpTarget   where an LED controller listens for DDP, or null for a web player
 */
public record BoardProfile(String id, BoardKind kind, int width, int height, Orientation orientation, int colourBits,
        BrightnessSchedule brightness, InetSocketAddress ddpTarget) {

    /** The largest panel Loa renders for (8K): anything bigger is a typing mistake, not a board. */
    public static final int MAX_SIDE = 7680;
    public static final int DDP_PORT = 4048;

    public BoardProfile {
        if (width < 8 || height < 8 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("a board is 8 to " + MAX_SIDE + " pixels on each side, not "
                    + width + "×" + height);
        }
        if (colourBits < 1 || colourBits > 8) {
            throw new IllegalArgumentException("colour depth is 1-8 bits per channel, was " + colourBits);
        }
    }

    /**
     * The profile of a registered board. Its {@code driver} is {@code web} (or empty), {@code ddp} (an LED controller
     * whose address is not known yet: rendered, not sent) or {@code ddp:HOST[:PORT]}; LED matrices without a
     * brightness schedule dim to 30 % at night.
     *
     * @throws IllegalArgumentException for a driver, orientation or brightness Loa cannot use
     */
    public static BoardProfile of(Board board) {
        boolean led = board.kind() == BoardKind.LED;
        Orientation orientation;
        try {
            orientation = Orientation.valueOf(board.orientation() == null ? "LANDSCAPE" : board.orientation());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("orientation must be LANDSCAPE or PORTRAIT, not " + board.orientation());
        }
        BrightnessSchedule brightness = board.brightness() != null && !board.brightness().isBlank()
                ? BrightnessSchedule.parse(board.brightness())
                : led ? BrightnessSchedule.dayAndNight(30) : BrightnessSchedule.FULL;
        return new BoardProfile(board.id(), board.kind(), board.width(), board.height(), orientation,
                board.colourBits() == 0 ? 8 : board.colourBits(), brightness, ddpTarget(board.driver()));
    }

    /** The DDP address in a driver string such as {@code ddp:10.0.0.5} or {@code ddp:10.0.0.5:4048}; null otherwise. */
    public static InetSocketAddress ddpTarget(String driver) {
        if (driver == null || driver.isBlank() || driver.equals("web") || driver.equals("ddp")) {
            return null;
        }
        if (!driver.startsWith("ddp:") || driver.length() == 4) {
            throw new IllegalArgumentException("driver must be 'web', 'ddp' or 'ddp:HOST[:PORT]', not '" + driver + "'");
        }
        String target = driver.substring(4);
        int colon = target.lastIndexOf(':');
        if (colon < 0) {
            return InetSocketAddress.createUnresolved(target, DDP_PORT);
        }
        try {
            int port = Integer.parseInt(target.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return InetSocketAddress.createUnresolved(target.substring(0, colon), port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad DDP port in '" + driver + "'");
        }
    }

    /** Width of the canvas content is laid out on (swapped for a portrait board). */
    public int canvasWidth() {
        return orientation == Orientation.PORTRAIT ? height : width;
    }

    public int canvasHeight() {
        return orientation == Orientation.PORTRAIT ? width : height;
    }

    /** Too small for paragraphs: such a matrix shows text as a scrolling line. */
    public boolean wantsMarquee() {
        return kind == BoardKind.LED && canvasHeight() < 64;
    }

    public BoardProfile withOrientation(Orientation o) {
        return new BoardProfile(id, kind, width, height, o, colourBits, brightness, ddpTarget);
    }

    public BoardProfile withColourBits(int bits) {
        return new BoardProfile(id, kind, width, height, orientation, bits, brightness, ddpTarget);
    }

    public BoardProfile withBrightness(BrightnessSchedule b) {
        return new BoardProfile(id, kind, width, height, orientation, colourBits, b, ddpTarget);
    }
}
