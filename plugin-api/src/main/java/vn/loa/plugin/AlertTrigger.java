package vn.loa.plugin;

/**
 * A plugin part that watches something (sensors, a warning feed) on its own threads and raises alerts when it must.
 *
 * <p>Loa arms it after {@link Plugin#start} and disarms it before {@link Plugin#stop}.
 */
public interface AlertTrigger {

    /** Starts watching; alerts go to {@code sink}. Must return promptly: do the watching on the plugin's threads. */
    void arm(AlertSink sink) throws Exception;

    /** Stops raising alerts; the sink refuses alerts from now on anyway. */
    default void disarm() throws Exception {
    }
}
