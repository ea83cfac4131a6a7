package vn.loa.server.config;

import java.util.Properties;

/**
 * The residents' page (issue 21): how long aired public notices stay in its archive, and how many people may listen
 * live at once on this server (each costs a connection and its share of a zone's stream).
 *
 * @param archiveDays days an aired notice stays listed after its last airing
 * @param maxListeners live listeners at once over every zone; more are told to try again later (503)
 */
public record ListenSettings(int archiveDays, int maxListeners) {

    static ListenSettings from(Properties p) {
        return new ListenSettings(ConfigLoader.integer(p, "listen.archive.days", 1, 3650),
                ConfigLoader.integer(p, "listen.max.listeners", 0, 100_000));
    }
}
