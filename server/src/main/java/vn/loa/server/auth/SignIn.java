package vn.loa.server.auth;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.http.ApiError;
import vn.loa.server.user.User;
import vn.loa.server.user.UserRepository;

/**
 * Signs users in: throttles guessing, checks the password, audits failures and issues a token. Blocking (hashing).
 */
public final class SignIn {

    /** A successful sign-in: the token and who it belongs to. */
    public record Session(String token, long expiresIn, User user) {
    }

    /** Stands in for a missing user's hash so that an unknown name costs as much time as a wrong password. */
    private final String decoyHash;
    private final Jdbi jdbi;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final String rootPath;

    public SignIn(Jdbi jdbi, UserRepository users, PasswordHasher hasher, TokenService tokens, LoginThrottle throttle,
            AuditLog audit, String rootPath) {
        this.jdbi = jdbi;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.rootPath = rootPath;
        this.decoyHash = hasher.hash("decoy-" + System.nanoTime());
    }

    public Session signIn(String username, String password, String address) {
        long wait = throttle.retryAfterSeconds(username, address);
        if (wait > 0) {
            throw new TooManyAttempts(wait);
        }
        Optional<UserRepository.Credentials> found = jdbi.withHandle(h -> users.credentials(h, username));
        boolean ok = hasher.matches(password, found.map(UserRepository.Credentials::passwordHash).orElse(decoyHash))
                && found.isPresent() && found.get().user().enabled();
        if (!ok) {
            throttle.recordFailure(username, address);
            String unitPath = found.map(c -> c.user().unitPath()).orElse(rootPath);
            jdbi.useHandle(h -> audit.record(h, username, address, unitPath, "auth.login_failed", "user:" + username, null));
            throw new ApiError(401, "invalid_credentials", "Sai tên đăng nhập hoặc mật khẩu.");
        }
        throttle.recordSuccess(username);
        User user = found.get().user();
        String token = tokens.issue(user.username(), user.role(), user.unitId(), user.unitPath());
        return new Session(token, tokens.ttlSeconds(), user);
    }

    /** Sign-in refused for now; the client may retry after {@link #retryAfterSeconds()}. */
    public static final class TooManyAttempts extends RuntimeException {
        private final long retryAfterSeconds;

        TooManyAttempts(long retryAfterSeconds) {
            super("too many failed sign-ins", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
