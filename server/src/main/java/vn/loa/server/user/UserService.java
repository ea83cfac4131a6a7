package vn.loa.server.user;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Zone;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.access.SessionEnd;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.zone.ZoneGuard;

/** Managing users: admins create users in their own subtree. Blocking (JDBC, password hashing). */
public final class UserService {

    private final Jdbi jdbi;
    private final UserRepository users;
    private final ZoneGuard zones;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final UserSessions sessions;
    private final PasswordPolicy policy;
    private final Clock clock;

    public UserService(Jdbi jdbi, UserRepository users, ZoneGuard zones, PasswordHasher hasher, PasswordPolicy policy,
            AuditLog audit, UserSessions sessions, Clock clock) {
        this.jdbi = jdbi;
        this.policy = policy;
        this.sessions = sessions;
        this.users = users;
        this.zones = zones;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    public List<User> list(Caller caller) {
        requireAdmin(caller);
        return jdbi.withHandle(h -> users.inSubtree(h, caller.unitPath()));
    }

    public User me(Caller caller) {
        return jdbi.withHandle(h -> users.find(h, caller.username())).orElseThrow(Refusal::unauthenticated);
    }

    public User create(Caller caller, String username, String displayName, Role role, String unitId, String password) {
        requireAdmin(caller);
        policy.check(username, role, password, "password");
        String hash = hasher.hash(password);
        return jdbi.inTransaction(h -> {
            Zone unit = zones.inScope(h, caller, unitId == null ? caller.unitId() : unitId);
            if (users.find(h, username).isPresent()) {
                throw Refusal.conflict("duplicate_id", "Tên đăng nhập '" + username + "' đã có người dùng.");
            }
            User user = new User(username, displayName, role, unit.id(), unit.path(), true);
            users.insert(h, user, hash, clock.instant());
            audit.record(h, caller, "user.create", "user:" + username, role.wireName() + " @ " + unit.id());
            return user;
        });
    }

    /** What an admin may change of a user; null fields stay as they are. */
    public record Change(String displayName, Role role, String unitId, Boolean enabled, String password) {
    }

    public User update(Caller caller, String username, Change c) {
        requireAdmin(caller);
        if (username.equals(caller.username()) && (c.role() != null || Boolean.FALSE.equals(c.enabled()))) {
            throw Refusal.forbidden("Không thể tự đổi vai trò hoặc tự khóa tài khoản của mình; hãy nhờ quản trị viên khác.");
        }
        String hash = null;
        if (c.password() != null) {
            // The role the user will have decides how long the password must be.
            Role role = c.role() != null ? c.role() : jdbi.withHandle(h -> users.find(h, username))
                    .filter(u -> caller.covers(u.unitPath())).map(User::role).orElse(Role.CLERK);
            policy.check(username, role, c.password(), "password");
            hash = hasher.hash(c.password());
        }
        String newHash = hash;
        User result = jdbi.inTransaction(h -> {
            User current = users.find(h, username).filter(u -> caller.covers(u.unitPath()))
                    .orElseThrow(() -> Refusal.notFound("người dùng", username));
            Zone unit = zones.inScope(h, caller, c.unitId() == null ? current.unitId() : c.unitId());
            User changed = new User(username, c.displayName() == null ? current.displayName() : c.displayName(),
                    c.role() == null ? current.role() : c.role(), unit.id(), unit.path(),
                    c.enabled() == null ? current.enabled() : c.enabled());
            users.update(h, changed);
            if (newHash != null) {
                users.setPassword(h, username, newHash);
            }
            SessionEnd end = sessionEnd(current, changed, newHash != null);
            int ended = end == null ? 0 : sessions.endAllOf(h, username, null, end);
            audit.record(h, caller, "user.update", "user:" + username, changed.role().wireName() + " @ " + unit.id()
                    + (changed.enabled() ? "" : " (khóa)") + (newHash == null ? "" : " (đặt lại mật khẩu)")
                    + (ended == 0 ? "" : " (kết thúc " + ended + " phiên đăng nhập)"));
            return changed;
        });
        sessions.forget(username);
        return result;
    }

    /** Why a change to a user ends their sessions, or null when they may go on (a new display name). */
    private static SessionEnd sessionEnd(User before, User after, boolean newPassword) {
        if (before.enabled() && !after.enabled()) {
            return SessionEnd.DISABLED;
        }
        if (before.role() != after.role()) {
            return SessionEnd.ROLE_CHANGED;
        }
        if (!before.unitId().equals(after.unitId())) {
            return SessionEnd.UNIT_CHANGED;
        }
        return newPassword ? SessionEnd.PASSWORD_CHANGED : null;
    }

    /**
     * A user changes their own password, proving they know the current one; their other sessions end (a stolen token
     * stops working), the one they changed it from goes on.
     */
    public void changeOwnPassword(Caller caller, String sessionId, String current, String next) {
        policy.check(caller.username(), caller.role(), next, "newPassword");
        String hash = hasher.hash(next);
        jdbi.useTransaction(h -> {
            var credentials = users.credentials(h, caller.username()).orElseThrow(Refusal::unauthenticated);
            if (!hasher.matches(current, credentials.passwordHash())) {
                throw Refusal.forbidden("Mật khẩu hiện tại không đúng.");
            }
            users.setPassword(h, caller.username(), hash);
            sessions.endAllOf(h, caller.username(), sessionId, SessionEnd.PASSWORD_CHANGED);
            sessions.passwordChanged(h, sessionId);
            audit.record(h, caller, "user.password", "user:" + caller.username(), null);
        });
        sessions.forget(caller.username());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được quản lý người dùng.");
        }
    }
}
