package vn.loa.server.hotline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Tells when hotline failures (wrong PINs, wrong SIP digest answers, unknown numbers) repeat: {@code threshold} of
 * them against one key (a number, or an address) within {@link #WINDOW} raise an alarm, at most one per key and window,
 * so admins hear of a guessing attack once rather than once per guess. In memory: a restart forgets, which only delays
 * the next alarm. Thread-safe.
 */
final class FailureAlarm {

    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int MAX_KEYS = 10_000;

    private final int threshold;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Map<String, Instant> raised = new HashMap<>();

    FailureAlarm(int threshold, Clock clock) {
        this.threshold = threshold;
        this.clock = clock;
    }

    /** Records a failure under {@code key}; true when it raises the alarm for that key. */
    synchronized boolean failed(String key) {
        Instant now = clock.instant();
        Instant since = now.minus(WINDOW);
        if (failures.size() > MAX_KEYS) {
            failures.clear(); // a flood from spoofed addresses must not grow memory; the alarms already raised stay
        }
        Deque<Instant> recent = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        recent.addLast(now);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
            recent.removeFirst();
        }
        Instant last = raised.get(key);
        if (recent.size() >= threshold && (last == null || last.isBefore(since))) {
            raised.put(key, now);
            raised.values().removeIf(at -> at.isBefore(since));
            return true;
        }
        return false;
    }
}
