package vn.loa.plugin;

import java.util.List;
import java.util.Objects;

/**
 * An alert a trigger raises: Loa creates it already approved (the admin who enabled the plugin approved its alerts in
 * advance) and airs it at once, once per {@code key}.
 *
 * @param key   the event's identity (a rule and the time it tripped); a second alert with the same key is ignored
 * @param level how urgently it airs
 * @param title a short title
 * @param text  the text read aloud
 * @param zones the zones it airs in (ids); empty is refused
 */
public record Alert(String key, Level level, String title, String text, List<String> zones) {

    /** How an alert airs, after the source system's levels (khẩn cấp, ưu tiên). */
    public enum Level {
        /** Interrupts whatever plays in its zones (priority EMERGENCY). */
        EMERGENCY,
        /** Airs at once without interrupting (priority SCHEDULED, no approval step). */
        PRIORITY
    }

    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        zones = List.copyOf(zones);
    }
}
