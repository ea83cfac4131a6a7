package vn.loa.plugin;

/** Where an {@link AlertTrigger} sends alerts. Thread-safe; never blocks. */
public interface AlertSink {

    /**
     * Hands an alert to Loa, which airs it shortly; false when Loa refused it at once (the plugin is raising alerts
     * faster than its limit, or it is stopped).
     */
    boolean raise(Alert alert);
}
