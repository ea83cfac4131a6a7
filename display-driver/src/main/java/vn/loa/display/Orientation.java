package vn.loa.display;

/**
 * How a board's panel is mounted. A portrait board is a landscape panel turned a quarter clockwise: content is laid
 * out on a canvas of height × width and turned into the panel's own frame.
 */
public enum Orientation {
    LANDSCAPE, PORTRAIT
}
