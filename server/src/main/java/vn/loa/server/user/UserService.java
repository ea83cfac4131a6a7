package vn.loa.server.user;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.core.model.Zone;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.auth.Action;
import vn.loa.server.auth.Caller;
import vn.loa.server.auth.PasswordHasher;
import vn.loa.server.auth.Role;
import vn.loa.server.http.ApiError;
import vn.loa.server.zone.ZoneGuard;

/** Managing users: admins create users in their own subtree. Blocking (JDBC, password hashing). */
public final class UserService {

    static final int MIN_PASSWORD = 8;

    private final Jdbi jdbi;
    private final UserRepository users;
    private final ZoneGuard zones;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final Clock clock;

    public UserService(Jdbi jdbi, UserRepository users, ZoneGuard zones, PasswordHasher hasher, AuditLog audit,
            Clock clock) {
        this.jdbi = jdbi;
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
        return jdbi.withHandle(h -> users.find(h, caller.username())).orElseThrow(ApiError::unauthorized);
    }

    public User create(Caller caller, String username, String displayName, Role role, String unitId, String password) {
        requireAdmin(caller);
        if (password.length() < MIN_PASSWORD) {
            throw ApiError.badRequest("weak_password", "Mật khẩu cần ít nhất " + MIN_PASSWORD + " ký tự.");
        }
        String hash = hasher.hash(password);
        return jdbi.inTransaction(h -> {
            Zone unit = zones.inScope(h, caller, unitId == null ? caller.unitId() : unitId);
            if (users.find(h, username).isPresent()) {
                throw ApiError.conflict("duplicate_id", "Tên đăng nhập '" + username + "' đã có người dùng.");
            }
            User user = new User(username, displayName, role, unit.id(), unit.path(), true);
            users.insert(h, user, hash, clock.instant());
            audit.record(h, caller, "user.create", "user:" + username, role.wireName() + " @ " + unit.id());
            return user;
        });
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw ApiError.forbidden("Chỉ quản trị viên được quản lý người dùng.");
        }
    }
}
