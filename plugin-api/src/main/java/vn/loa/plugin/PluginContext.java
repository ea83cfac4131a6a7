package vn.loa.plugin;

import java.nio.file.Path;
import java.time.Clock;

/**
 * What Loa gives a started plugin: its settings, a folder of its own, a clock, and a way to report trouble.
 *
 * <p>Thread-safe: a plugin may use it from its own threads.
 */
public interface PluginContext {

    /** The settings the admin saved, as {@link Plugin#validate} returned them. */
    Settings settings();

    /** A folder only this plugin writes to (created before {@link Plugin#start}), kept across restarts. */
    Path dataDir();

    Clock clock();

    /**
     * The unit whose configuration this start runs with (SPI 1.1): Loa starts one instance of the plugin per unit
     * that configured it, and it serves that unit and the units below that did not configure their own. Null only
     * in tests written for SPI 1.0.
     */
    default Unit unit() {
        return null;
    }

    /** Tells the admin something is wrong without failing a call (a broker that went away); shown as DEGRADED. */
    void degraded(String reason);

    /** Clears a problem reported with {@link #degraded} once it has passed (the broker is back). */
    void recovered();
}
