package vn.loa.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts sign-in attempts per user name <em>and</em> client address, per client address, and per user name from
 * addresses it never signed in from, over a sliding window, and says when to refuse more.
 *
 * <p>Keyed by user and address, so a guesser elsewhere cannot lock the real owner out of their own account (issue 22);
 * the per-account limit (NIST SP 800-63B: at most 100 failures) holds back guessing spread over many addresses, but
 * never at an address the owner signed in from before. An attempt is counted when it is let in ({@link #admit}),
 * before its password is checked, so parallel guesses cannot pass the limit while the first ones are still hashing; a
 * success takes its attempt back.
 *
 * <p>In memory, per server: a cluster multiplies the limits by its size. Thread-safe: one lock, held for microseconds.
 */
public final class LoginThrottle {

    private static final int MAX_KEYS = 10_000;
    /** Addresses remembered per user as the owner's own; the oldest is forgotten first. */
    private static final int KNOWN_PER_USER = 16;

    private final Clock clock;
    private final Duration window;
    private final int perUser;
    private final int perAddress;
    private final int perAccount;
    private final Map<String, Deque<Instant>> attempts = new HashMap<>();
    private final Map<String, Deque<String>> known = new HashMap<>();

    /**
     * @param perUser    attempts a user name may make from one address within the window
     * @param perAddress attempts one address may make within the window, whatever the names
     * @param perAccount attempts a user name may make within the window from addresses it never signed in from
     */
    public LoginThrottle(Clock clock, Duration window, int perUser, int perAddress, int perAccount) {
        this.clock = clock;
        this.window = window;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.perAccount = perAccount;
    }

    /**
     * Lets an attempt in and counts it, or returns the seconds to wait before this user may try from this address.
     *
     * @return 0 when the attempt is let in (and counted)
     */
    public synchronized long admit(String username, String address) {
        Instant now = clock.instant();
        long wait = waitFor(username, address, now);
        if (wait > 0) {
            return wait;
        }
        if (attempts.size() > MAX_KEYS) {
            forgetIdle(now);
        }
        attempts.computeIfAbsent(userKey(username, address), k -> new ArrayDeque<>()).addLast(now);
        attempts.computeIfAbsent(addressKey(address), k -> new ArrayDeque<>()).addLast(now);
        if (!isKnown(username, address)) {
            attempts.computeIfAbsent(accountKey(username), k -> new ArrayDeque<>()).addLast(now);
        }
        return 0;
    }

    /** True when the next attempt of this user from this address would be refused: the failure just made a lockout. */
    public synchronized boolean locked(String username, String address) {
        return waitFor(username, address, clock.instant()) > 0;
    }

    /**
     * An admitted attempt that succeeded: the user's count from this address is cleared and the address gets its
     * attempt back. Other addresses' counts stay: one good password must not unlock guessing elsewhere.
     */
    public synchronized void succeeded(String username, String address) {
        attempts.remove(userKey(username, address));
        takeBack(addressKey(address));
        if (!isKnown(username, address)) {
            takeBack(accountKey(username));
            Deque<String> mine = known.computeIfAbsent(username, u -> new ArrayDeque<>());
            mine.addLast(address);
            if (mine.size() > KNOWN_PER_USER) {
                mine.removeFirst();
            }
        }
    }

    /** An admitted attempt that was never checked (the server was too busy): it does not count. */
    public synchronized void withdraw(String username, String address) {
        takeBack(userKey(username, address));
        takeBack(addressKey(address));
        if (!isKnown(username, address)) {
            takeBack(accountKey(username));
        }
    }

    private long waitFor(String username, String address, Instant now) {
        long wait = Math.max(wait(userKey(username, address), perUser, now), wait(addressKey(address), perAddress, now));
        return isKnown(username, address) ? wait : Math.max(wait, wait(accountKey(username), perAccount, now));
    }

    private boolean isKnown(String username, String address) {
        Deque<String> mine = known.get(username);
        return mine != null && mine.contains(address);
    }

    private void takeBack(String key) {
        Deque<Instant> times = attempts.get(key);
        if (times != null) {
            times.pollLast();
            if (times.isEmpty()) {
                attempts.remove(key);
            }
        }
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> times = attempts.get(key);
        if (times == null) {
            return 0;
        }
        prune(times, now);
        if (times.size() < limit) {
            return 0;
        }
        Instant freeAt = times.peekFirst().plus(window);
        return Math.max(1, Duration.between(now, freeAt).toSeconds());
    }

    /** Drops counters whose attempts all left the window, so a scan over many names cannot grow memory for ever. */
    private void forgetIdle(Instant now) {
        attempts.values().removeIf(times -> {
            prune(times, now);
            return times.isEmpty();
        });
    }

    private void prune(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private static String userKey(String username, String address) {
        return "u:" + username + "\n" + address;
    }

    private static String accountKey(String username) {
        return "n:" + username;
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }
}
