package vn.loa.plugin;

/** Settings a plugin cannot work with; the message tells the admin what to change (Vietnamese). */
public final class InvalidSettingsException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }
}
