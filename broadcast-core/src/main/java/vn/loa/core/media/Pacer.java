package vn.loa.core.media;

import java.time.Duration;
import java.util.function.Consumer;
import vn.loa.wire.pcm.MediaSource;

/**
 * The last stage: releases a stream's packets on their packet-time boundaries (every 20 ms) measured from one start
 * instant, whatever the fan-out behind it.
 *
 * <p>Not thread-safe: one pacing thread per pacer (or one thread serving many pacers through {@link #releaseDue}).
 * Every deadline is computed from the start ({@code start + n * interval}), never by adding sleeps, so a late wake-up
 * does not push later packets back: the error does not accumulate (drift correction). A wake-up later than the
 * catch-up limit (a long GC pause) re-anchors the schedule instead of bursting seconds of audio at a receiver whose
 * jitter buffer would drop it.
 */
public final class Pacer<T> {

    private final MediaSource<T> source;
    private final MediaClock clock;
    private final Duration interval;
    private final Duration catchUpLimit;
    private PacketSchedule schedule;
    private long released;
    private long worstLateness;
    private T next;
    private boolean ended;

    /** Paces {@code source} at one unit per {@code interval}, catching up at most 100 ms of lateness in a burst. */
    public Pacer(MediaSource<T> source, MediaClock clock, Duration interval) {
        this(source, clock, interval, Duration.ofMillis(100));
    }

    public Pacer(MediaSource<T> source, MediaClock clock, Duration interval, Duration catchUpLimit) {
        this.source = source;
        this.clock = clock;
        this.interval = interval;
        this.catchUpLimit = catchUpLimit;
        new PacketSchedule(0, interval, catchUpLimit); // fail now on a bad interval, not at start
    }

    /** Fixes the schedule: the first unit is due now. Called by the first release if not before. */
    public void start() {
        if (schedule == null) {
            schedule = new PacketSchedule(clock.nanoTime(), interval, catchUpLimit);
        }
    }

    /** When the next unit is due, on the clock's time line. */
    public long nextDeadline() {
        start();
        return schedule.deadline(released);
    }

    /** Hands every unit that is due by now to {@code sink}; returns how many. */
    public int releaseDue(Consumer<? super T> sink) {
        start();
        long now = clock.nanoTime();
        schedule.reanchorIfStalled(released, now);
        int count = 0;
        while (!ended && nextDeadline() <= now) {
            T unit = peek();
            if (unit == null) {
                ended = true;
                break;
            }
            worstLateness = Math.max(worstLateness, now - nextDeadline());
            next = null;
            released++;
            count++;
            sink.accept(unit);
        }
        return count;
    }

    /** Paces the whole stream on the calling thread, waiting on the clock between packets; returns at its end. */
    public void run(Consumer<? super T> sink) {
        start();
        while (!isEnded() && !Thread.currentThread().isInterrupted()) {
            clock.waitUntil(nextDeadline());
            releaseDue(sink);
        }
    }

    /** True once the source has ended and everything was released. */
    public boolean isEnded() {
        if (!ended && peek() == null) {
            ended = true;
        }
        return ended;
    }

    public long released() {
        return released;
    }

    /** How often the schedule was restarted after a wake-up later than the catch-up limit. */
    public long reanchors() {
        return schedule == null ? 0 : schedule.reanchors();
    }

    /** The latest any unit left after its deadline, in nanoseconds. */
    public long worstLatenessNanos() {
        return worstLateness;
    }

    private T peek() {
        if (next == null && !ended) {
            next = source.pull();
        }
        return next;
    }
}
