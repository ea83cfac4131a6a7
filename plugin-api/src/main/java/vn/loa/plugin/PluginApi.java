package vn.loa.plugin;

import java.util.regex.Pattern;

/** The version of this SPI and the rules it sets for names. */
public final class PluginApi {

    /** Raised when a change would break plugins built against an earlier version. */
    public static final int VERSION = 1;

    /**
     * Raised when the SPI grows without breaking anything (a new type, a default method, a record component with the
     * old constructor kept): a plugin built against {@code VERSION.MINOR} runs on any Loa with the same
     * {@link #VERSION} and at least that {@code MINOR}. 1.1 added {@link Unit} and {@link Plugin#settingsSchema}.
     */
    public static final int MINOR = 1;

    /** A plugin's name: it is a URL segment and a database key. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    /** The most items Loa takes from one {@link ContentSource#poll}; a source should return its newest ones. */
    public static final int ITEMS_PER_POLL = 50;

    private PluginApi() {
    }
}
