package vn.loa.core.plugin;

/** Where a plugin stands, as the admin sees it. */
public enum PluginState {
    /** Found, not enabled (or stopped by the admin). */
    DISABLED,
    /** Enabled and working. */
    RUNNING,
    /** Enabled, but some of its calls fail, time out or overflow; the reason says which. */
    DEGRADED,
    /** Could not be loaded or started; the reason says why. */
    FAILED
}
