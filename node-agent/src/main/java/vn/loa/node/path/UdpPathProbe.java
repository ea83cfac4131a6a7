package vn.loa.node.path;

import java.time.Duration;

/**
 * Decides when the node sends a keepalive and whether UDP reaches it: each keepalive should be answered by the server
 * within {@code answerWithin}; a keepalive unanswered is a miss, retried at once rather than a whole interval later;
 * after {@code missesToGiveUp} misses in a row the stream is asked over the control channel instead, keepalives go
 * on every interval, and the first answer brings the stream back to UDP. Keepalives go every {@code interval} while UDP
 * works, so a carrier's NAT
 * keeps the mapping.
 *
 * <p>Pure and single-threaded: times are monotonic nanoseconds passed in, so tests run it on a fake clock.
 */
public final class UdpPathProbe {

    /** How the stream should reach the node. */
    public enum Route { UDP, CHANNEL }

    private final long interval;
    private final long answerWithin;
    private final int missesToGiveUp;
    private Route route = Route.UDP;
    private long lastSent = Long.MIN_VALUE;
    private long outstanding = -1;
    private long outstandingSince;
    private long lastAnswered = -1;
    private int misses;
    private long counter;

    public UdpPathProbe(Duration interval, Duration answerWithin, int missesToGiveUp) {
        this.interval = interval.toNanos();
        this.answerWithin = answerWithin.toNanos();
        this.missesToGiveUp = missesToGiveUp;
    }

    /**
     * Called on every tick (more often than {@code answerWithin}): counts a keepalive gone unanswered, and returns the
     * counter of the keepalive to send now, or -1 when none is due.
     */
    public long tick(long now) {
        if (outstanding >= 0 && now - outstandingSince > answerWithin) {
            outstanding = -1;
            misses++;
            if (misses >= missesToGiveUp) {
                route = Route.CHANNEL;
            }
        }
        boolean due = lastSent == Long.MIN_VALUE || now - lastSent >= interval
                || (outstanding < 0 && misses > 0 && misses < missesToGiveUp && now - lastSent >= answerWithin);
        if (!due || outstanding >= 0) {
            return -1;
        }
        lastSent = now;
        outstanding = ++counter;
        outstandingSince = now;
        return counter;
    }

    /** The server answered keepalive {@code answered}: UDP works both ways. Older answers change nothing. */
    public void answered(long answered, long now) {
        if (answered <= lastAnswered || answered > counter) {
            return;
        }
        lastAnswered = answered;
        if (answered == outstanding) {
            outstanding = -1;
        }
        misses = 0;
        route = Route.UDP;
    }

    public Route route() {
        return route;
    }

    /** Keepalives sent so far. */
    public long sent() {
        return counter;
    }
}
