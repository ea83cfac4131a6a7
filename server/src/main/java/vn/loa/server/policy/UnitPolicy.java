package vn.loa.server.policy;

import vn.loa.server.access.Role;

/**
 * The security policy in force for a unit.
 *
 * @param totpRequired whether admins and approvers of the unit must sign in with a TOTP code
 * @param fourEyes     which notices the four-eyes rule covers
 * @param setAt        the unit whose own setting this is (the unit itself or the nearest above it); null for Loa's
 *                     default, which no unit changed
 */
public record UnitPolicy(boolean totpRequired, FourEyes fourEyes, String setAt) {

    /** What holds where no unit set a policy: TOTP optional, four eyes on emergencies. */
    public static final UnitPolicy DEFAULT = new UnitPolicy(false, FourEyes.EMERGENCY, null);

    /** True when a user of this role must have a second factor: leaders (approvers and admins) under the policy. */
    public boolean requiresTotp(Role role) {
        return totpRequired && (role == Role.ADMIN || role == Role.APPROVER);
    }
}
