package vn.loa.core.plugin;

/** A plugin call that failed, timed out or was refused; the message is the reason the admin sees. */
public final class PluginTrouble extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PluginTrouble(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
