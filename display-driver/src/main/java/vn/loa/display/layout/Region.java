package vn.loa.display.layout;

/**
 * A named rectangle of a layout's canvas and what it shows; regions with a higher {@code z} are drawn over lower ones.
 *
 * @param text for a {@link Widget#TEXT} region, what it says; null for the board's name
 */
public record Region(String name, int x, int y, int width, int height, int z, Widget widget, String text) {
}
