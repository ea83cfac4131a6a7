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

    /** Tells the admin something is wrong without failing a call (a broker that went away); shown as DEGRADED. */
    void degraded(String reason);

    /** Clears a problem reported with {@link #degraded} once it has passed (the broker is back). */
    void recovered();
}
