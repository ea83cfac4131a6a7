package vn.loa.server.config;

/** A configuration value Loa cannot start with; the message names the key and what it expects. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
