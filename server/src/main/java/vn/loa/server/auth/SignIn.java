package vn.loa.server.auth;

import io.vertx.core.Future;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.policy.UnitPolicies;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.user.PasswordHasher;
import vn.loa.server.user.User;
import vn.loa.server.user.UserRepository;

/**
 * Signs users in: throttles guessing per user and address, checks the password in the {@link PasswordQueue}, opens a
 * session, and audits every sign-in, failure and lockout.
 */
public final class SignIn {

    /** A successful sign-in: the token, who it belongs to, and the second step it still owes (null for none). */
    public record Session(String token, long expiresIn, User user, SecondFactor.Pending pending) {
    }

    /** Stands in for a missing user's hash so that an unknown name costs as much time as a wrong password. */
    private final String decoyHash;
    private final Jdbi jdbi;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final PasswordQueue queue;
    private final AuditLog audit;
    private final String rootPath;
    private final TotpStore totp;
    private final UnitPolicies policies;

    public SignIn(Jdbi jdbi, UserRepository users, PasswordHasher hasher, TokenService tokens, Sessions sessions,
            LoginThrottle throttle, PasswordQueue queue, AuditLog audit, String rootPath, TotpStore totp,
            UnitPolicies policies) {
        this.totp = totp;
        this.policies = policies;
        this.jdbi = jdbi;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.sessions = sessions;
        this.throttle = throttle;
        this.queue = queue;
        this.audit = audit;
        this.rootPath = rootPath;
        this.decoyHash = hasher.hash("decoy-" + System.nanoTime());
    }

    /** Signs in; fails with {@link TooManyAttempts}, {@link PasswordQueue.Full} or a 401 {@link Refusal}. */
    public Future<Session> signIn(String username, String password, String address) {
        long wait = throttle.admit(username, address);
        if (wait > 0) {
            return Future.failedFuture(new TooManyAttempts(wait));
        }
        return queue.run(() -> check(username, password, address))
                .onFailure(e -> {
                    if (e instanceof PasswordQueue.Full) {
                        throttle.withdraw(username, address);
                    }
                });
    }

    private Session check(String username, String password, String address) {
        Optional<UserRepository.Credentials> found = jdbi.withHandle(h -> users.credentials(h, username));
        boolean ok = hasher.matches(password, found.map(UserRepository.Credentials::passwordHash).orElse(decoyHash))
                && found.isPresent() && found.get().user().enabled();
        String unitPath = found.map(c -> c.user().unitPath()).orElse(rootPath);
        if (!ok) {
            boolean locked = throttle.locked(username, address);
            jdbi.useTransaction(h -> {
                audit.record(h, username, address, unitPath, "auth.login_failed", "user:" + username, null);
                if (locked) {
                    audit.record(h, username, address, unitPath, "auth.login_locked", "user:" + username,
                            "tạm khóa đăng nhập từ địa chỉ " + address);
                }
            });
            throw new Refusal(Refusal.Kind.UNAUTHENTICATED, "invalid_credentials", "Sai tên đăng nhập hoặc mật khẩu.",
                    "Wrong user name or password.", null);
        }
        throttle.succeeded(username, address);
        User user = found.get().user();
        SecondFactor.Pending[] pending = new SecondFactor.Pending[1];
        String sessionId = jdbi.inTransaction(h -> {
            pending[0] = owed(h, user, unitPath);
            String id = sessions.open(h, username, address, pending[0]);
            audit.record(h, username, address, unitPath, "auth.login", "user:" + username,
                    pending[0] == null ? null : "mật khẩu đúng; còn bước " + pending[0].wireName());
            return id;
        });
        return new Session(tokens.issue(user.username(), sessionId), tokens.ttlSeconds(), user, pending[0]);
    }

    /** The second step a user owes after their password: a code when enrolled, enrolment when the unit requires it. */
    private SecondFactor.Pending owed(org.jdbi.v3.core.Handle h, User user, String unitPath) {
        if (totp.find(h, user.username()).filter(TotpStore.Secret::confirmed).isPresent()) {
            return SecondFactor.Pending.TOTP;
        }
        if (users.mustChangePassword(h, user.username())) {
            return SecondFactor.Pending.PASSWORD;
        }
        return policies.at(h, unitPath).requiresTotp(user.role()) ? SecondFactor.Pending.ENROL : null;
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
