package vn.loa.display.layout;

/** What a region of a layout shows. */
public enum Widget {
    /**
     * A playlist: the main one (the board's items, with the notices on air ahead of them) and, in further regions,
     * the items assigned to each by name.
     */
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
