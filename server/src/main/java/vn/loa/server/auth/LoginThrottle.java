package vn.loa.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per client address over a sliding window, and says when to refuse more.
 *
 * <p>In memory, per server: enough to stop guessing against one server; a cluster multiplies the limits by its size.
 * Thread-safe.
 */
public final class LoginThrottle {

    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Duration window;
    private final int perUser;
    private final int perAddress;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, Duration window, int perUser, int perAddress) {
        this.clock = clock;
        this.window = window;
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    /** Seconds until the next attempt is allowed, or 0 if this user from this address may try now. */
    public long retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        long user = wait("u:" + username, perUser, now);
        long addr = wait("a:" + address, perAddress, now);
        return Math.max(user, addr);
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        add("u:" + username, now);
        add("a:" + address, now);
    }

    /** A successful sign-in clears the user's count, not the address's: one good password must not unlock guessing. */
    public void recordSuccess(String username) {
        failures.remove("u:" + username);
    }

    private void add(String key, Instant now) {
        if (failures.size() > MAX_KEYS) {
            forgetIdle(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            Instant freeAt = times.peekFirst().plus(window);
            return Math.max(1, Duration.between(now, freeAt).toSeconds());
        }
    }

    /** Drops counters whose failures all left the window, so a scan over many names cannot grow memory for ever. */
    private void forgetIdle(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }
}
