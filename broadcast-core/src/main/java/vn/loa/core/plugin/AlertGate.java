package vn.loa.core.plugin;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts a trigger's alerts in a sliding minute: a plugin that floods Loa with alerts is cut off, not obeyed. */
final class AlertGate {

    private final Clock clock;
    private final int perMinute;
    private final Deque<Long> recent = new ArrayDeque<>();

    AlertGate(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** True when one more alert fits in the last minute (and counts it). */
    synchronized boolean admit() {
        long now = clock.millis();
        while (!recent.isEmpty() && recent.peekFirst() <= now - 60_000) {
            recent.removeFirst();
        }
        if (recent.size() >= perMinute) {
            return false;
        }
        recent.addLast(now);
        return true;
    }
}
