package vn.loa.display.layout;

/** What a region of a layout shows. */
public enum Widget {
    /** The board's playlist (and the notices on air ahead of it): exactly one region per layout. */
    PLAYLIST,
    /** A fixed text, the board's name when the region gives none, fitted to the region. */
    TEXT,
    /** The time, HH:mm, in Vietnam's time. */
    CLOCK,
    /** The solar date with the weekday, and the lunar date below it. */
    DATE,
    /** One line of the titles of the notices on air. */
    TICKER,
    /** The weather from a plugin source; an empty region until one exists. */
    WEATHER;

    /** Whether what the widget shows changes with the minute. */
    public boolean followsClock() {
        return this == CLOCK || this == DATE;
    }
}
