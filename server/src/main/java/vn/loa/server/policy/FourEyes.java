package vn.loa.server.policy;

import java.util.Locale;
import vn.loa.core.model.Priority;

/**
 * The four-eyes rule of a unit: on the notices it covers, an approver may not approve their own notice, and only a
 * leader (approver or admin) may cancel one a leader created or approved.
 */
public enum FourEyes {
    /** No such rule: as Loa always was. */
    OFF,
    /** The rule holds for EMERGENCY notices (the default). */
    EMERGENCY,
    /** The rule holds for every notice. */
    ALL;

    /** True when the rule holds for a notice of this priority. */
    public boolean covers(Priority priority) {
        return this == ALL || (this == EMERGENCY && priority == Priority.EMERGENCY);
    }

    /** The spelling of the API and the database ({@code "emergency"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FourEyes fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
