package vn.loa.server.user;

import vn.loa.server.access.Role;

/** A person who signs in to Loa, with the unit whose subtree they work in. The password hash never leaves the server. */
public record User(String username, String displayName, Role role, String unitId, String unitPath, boolean enabled) {
}
