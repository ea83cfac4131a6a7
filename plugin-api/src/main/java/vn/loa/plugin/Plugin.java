package vn.loa.plugin;

import java.util.Optional;

/**
 * An e-government plugin: found by {@link java.util.ServiceLoader} (declare it in
 * {@code META-INF/services/vn.loa.plugin.Plugin}), configured by an admin, started and stopped by Loa.
 *
 * <p>What it contributes is what its optional parts return: a {@link ContentSource} (items proposed as drafts), an
 * {@link AlertTrigger} (alerts that air at once), an {@link OutboundChannel} (every aired notice) and
 * {@link PluginRoutes} (HTTP under {@code /api/v1/plugins/{name}/}).
 *
 * <p>Threading: Loa calls every method of a plugin and of its parts from that plugin's own thread, one call at a
 * time, with a time limit; a plugin need not be thread-safe towards Loa, but threads it starts itself (an MQTT client)
 * must be. A call that throws, or does not return in time, marks the plugin DEGRADED (FAILED for {@link #start}); it
 * never delays a broadcast.
 */
public interface Plugin {

    /** The plugin's name in URLs and settings: lower-case letters, digits and dashes ({@link PluginApi#NAME}). */
    String name();

    /** One sentence for the admin's list of plugins (Vietnamese). */
    String description();

    /** The SPI version the plugin was built against; Loa refuses a plugin built for another major version. */
    default int apiVersion() {
        return PluginApi.VERSION;
    }

    /** The settings a new installation starts with; they need not be valid (a URL the admin must still enter). */
    default Settings defaults() {
        return Settings.EMPTY;
    }

    /**
     * A JSON Schema (text, draft 2020-12 keywords) of the settings, or null (SPI 1.1). Loa reads one keyword from it:
     * a value whose schema has {@code "writeOnly": true} is a secret (a password, a token, a webhook URL or header
     * that carries credentials): the API never shows it (only that it is set), it is encrypted in the database, and
     * the audit log names the field, never the value. Loa follows {@code properties}, {@code additionalProperties}
     * and {@code items}; a {@code writeOnly} object or array makes everything inside it secret.
     */
    default String settingsSchema() {
        return null;
    }

    /**
     * Checks settings an admin proposes and returns them as they will be stored (trimmed, defaults filled in).
     *
     * @throws InvalidSettingsException with a message the admin can act on (Vietnamese), when they cannot work
     */
    default Settings validate(Settings proposed) throws InvalidSettingsException {
        return proposed;
    }

    /** Starts with settings that passed {@link #validate}; called again after {@link #stop} when they change. */
    void start(PluginContext context) throws Exception;

    /** Stops: closes connections, ends threads it started. Called once per start, also after a failed one. */
    default void stop() throws Exception {
    }

    default Optional<ContentSource> contentSource() {
        return Optional.empty();
    }

    default Optional<AlertTrigger> alertTrigger() {
        return Optional.empty();
    }

    default Optional<OutboundChannel> outboundChannel() {
        return Optional.empty();
    }

    default Optional<PluginRoutes> routes() {
        return Optional.empty();
    }
}
