package vn.loa.server.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a user is for; each role may do a fixed set of {@link Action}s, and {@code admin} may do them all. */
public enum Role {
    CLERK(EnumSet.of(Action.COMPOSE, Action.BROADCAST)),
    APPROVER(EnumSet.of(Action.COMPOSE, Action.APPROVE, Action.BROADCAST, Action.SPEAK_LIVE)),
    TECHNICIAN(EnumSet.of(Action.MANAGE_DEVICES, Action.MANAGE_ZONES)),
    ADMIN(EnumSet.allOf(Action.class));

    private final Set<Action> actions;

    Role(Set<Action> actions) {
        this.actions = actions;
    }

    public boolean may(Action action) {
        return actions.contains(action);
    }

    /** The spelling of the API and the database ({@code "clerk"}). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
