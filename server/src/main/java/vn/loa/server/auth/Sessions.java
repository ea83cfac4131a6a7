package vn.loa.server.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.access.SessionEnd;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.user.UserSessions;

/**
 * Sign-in sessions kept in the database (ADR 0016): every request's token names a session, and the session's row,
 * joined with its user as they are now, decides whether the request may go on and with which role and unit.
 *
 * <p>A row read is remembered for {@link #CACHE_FOR} so a page's burst of requests costs one query; this server forgets
 * a user's rows the moment it ends their sessions, the other servers of a cluster at most {@link #CACHE_FOR} later.
 * Blocking (JDBC); thread-safe.
 */
public final class Sessions implements UserSessions {

    /** How long a session row read from the database is trusted before it is read again. */
    static final Duration CACHE_FOR = Duration.ofSeconds(1);
    /** How stale {@code last_seen_at} may get before a request writes it again: idle ends are this coarse. */
    private static final Duration TOUCH_EVERY = Duration.ofSeconds(30);
    private static final int MAX_CACHED = 10_000;

    private record Cached(SessionStore.Row row, Instant readAt) {
    }

    private final Jdbi jdbi;
    private final SessionStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration ttl;
    private final Duration idle;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * @param ttl  how long a session lasts at most (the token's lifetime)
     * @param idle how long a session may go unused before it ends
     */
    public Sessions(Jdbi jdbi, SessionStore store, AuditLog audit, Clock clock, Duration ttl, Duration idle) {
        this.jdbi = jdbi;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.ttl = ttl;
        this.idle = idle;
    }

    /**
     * Opens a session for a user who just gave their password; returns its id, the token's {@code sid}. A session that
     * owes a second step ({@code pending} not null) may only reach the sign-in routes until it is proved.
     */
    public String open(Handle h, String username, String address, SecondFactor.Pending pending) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        store.purge(h, now.minus(Duration.ofDays(1)));
        store.insert(h, id, username, address, now, now.plus(ttl), pending);
        return id;
    }

    /** The caller of a request whose token names session {@code id} of {@code username}; 401 when it may not go on. */
    public Caller caller(String id, String username, String address) {
        Instant now = clock.instant();
        Cached cached = cache.get(id);
        if (cached == null || !cached.readAt().plus(CACHE_FOR).isAfter(now)) {
            SessionStore.Row row = jdbi.withHandle(h -> store.find(h, id)).orElseThrow(Refusal::unauthenticated);
            cached = remember(row, now);
        }
        SessionStore.Row row = cached.row();
        if (!row.username().equals(username)) {
            throw Refusal.unauthenticated();
        }
        if (row.endedAt() != null) {
            throw ended(SessionEnd.fromWire(row.endReason()));
        }
        if (!row.enabled()) {
            throw ended(SessionEnd.DISABLED);
        }
        if (!row.expiresAt().isAfter(now)) {
            throw Refusal.unauthenticated();
        }
        if (row.lastSeenAt().plus(idle).isBefore(now)) {
            jdbi.useHandle(h -> store.end(h, id, SessionEnd.IDLE, now));
            cache.remove(id);
            throw ended(SessionEnd.IDLE);
        }
        if (row.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            jdbi.useHandle(h -> store.touch(h, id, now));
            remember(row.seen(now), now);
        }
        return new Caller(row.username(), row.role(), row.unitId(), row.unitPath(), address, row.factor());
    }

    @Override
    public void passwordChanged(Handle h, String id) {
        store.passwordChanged(h, id);
    }

    /** The session proved a second-factor code now, inside the caller's transaction; call {@link #forgetSession} after. */
    public void proved(Handle h, String id) {
        store.proved(h, id, clock.instant());
    }

    /**
     * Counts a wrong code against session {@code id}, inside the caller's transaction; at {@code limit} wrong codes the
     * session ends. Returns true when it ended.
     */
    public boolean failedCode(Handle h, String id, int limit) {
        if (store.failed(h, id) < limit) {
            return false;
        }
        return store.end(h, id, SessionEnd.CODE_FAILURES, clock.instant());
    }

    /** Drops this server's remembered row of one session, so its next request reads what just changed. */
    public void forgetSession(String id) {
        cache.remove(id);
    }

    /** Signs the caller out: their session {@code id} ends now. */
    public void logout(Caller caller, String id) {
        jdbi.useTransaction(h -> {
            store.end(h, id, SessionEnd.LOGOUT, clock.instant());
            audit.record(h, caller, "auth.logout", "user:" + caller.username(), null);
        });
        cache.remove(id);
    }

    /** The open sessions of people in the admin's unit and below, most recently used first. */
    public List<SessionStore.Row> list(Caller admin) {
        requireAdmin(admin);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> store.active(h, admin.unitPath(), now, now.minus(idle)));
    }

    /** An admin ends a session of someone in their unit or below. */
    public void endByAdmin(Caller admin, String id) {
        requireAdmin(admin);
        jdbi.useTransaction(h -> {
            SessionStore.Row row = store.find(h, id).filter(r -> admin.covers(r.unitPath()) && r.endedAt() == null)
                    .orElseThrow(() -> Refusal.notFound("phiên đăng nhập", id));
            store.end(h, id, SessionEnd.ENDED_BY_ADMIN, clock.instant());
            audit.record(h, admin, "auth.session_end", "user:" + row.username(), "phiên " + row.address());
        });
        cache.remove(id);
    }

    @Override
    public int endAllOf(Handle h, String username, String keepId, SessionEnd reason) {
        return store.endAllOf(h, username, keepId, reason, clock.instant());
    }

    @Override
    public void forget(String username) {
        cache.values().removeIf(c -> c.row().username().equals(username));
    }

    private Cached remember(SessionStore.Row row, Instant now) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        Cached c = new Cached(row, now);
        cache.put(row.id(), c);
        return c;
    }

    private static Refusal ended(SessionEnd reason) {
        return new Refusal(Refusal.Kind.UNAUTHENTICATED, "session_ended", reason.message());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được xem và kết thúc phiên đăng nhập.");
        }
    }
}
