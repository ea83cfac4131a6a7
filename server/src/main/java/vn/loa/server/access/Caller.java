package vn.loa.server.access;

/**
 * The signed-in user behind a request: who, in which role, and the unit whose subtree bounds what they see and touch.
 *
 * @param unitPath the path of the user's unit ({@code /root/xa-a/}); a zone is in scope when its path starts with it
 * @param address  the client address, for the audit log
 * @param factor   what the session has shown beyond the password ({@link SecondFactor#NONE} for callers without one)
 */
public record Caller(String username, Role role, String unitId, String unitPath, String address, SecondFactor factor) {

    /** A caller that signs in some other way than a session (the hotline, a plugin, an alert key). */
    public Caller(String username, Role role, String unitId, String unitPath, String address) {
        this(username, role, unitId, unitPath, address, SecondFactor.NONE);
    }

    public boolean may(Action action) {
        return role.may(action);
    }

    /** True when the zone with {@code zonePath} lies in this caller's unit or below it. */
    public boolean covers(String zonePath) {
        return zonePath.startsWith(unitPath);
    }

    /** True when the zone with {@code zonePath} concerns this caller: it is in scope, or it encloses their unit. */
    public boolean overlaps(String zonePath) {
        return covers(zonePath) || unitPath.startsWith(zonePath);
    }
}
