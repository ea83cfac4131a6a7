package vn.loa.server.programme;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.loa.core.media.BufferedPcmSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;

/**
 * Where a session's items sound, one item at a time: counts the session's position in samples (the air's own time,
 * whatever the wall clock does), brings every piece to the session's rate, and ends an item at its limit (the
 * overrun rule's cut) by throwing {@link Ended} into the item's maker.
 *
 * <p>Used by one maker thread.
 */
final class ItemSink implements BufferedPcmSource.Sink {

    /** Thrown into an item's maker when the item reached its limit. */
    static final class Ended extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Ended() {
            super("the item reached its limit", null, false, false);
        }
    }

    private final BufferedPcmSource.Sink session;
    private final int rate;
    private final Map<Integer, Resampler> resamplers = new HashMap<>();
    private volatile long position;
    /** Where the listener is (made less queued), and when that last moved (monotonic ns): read by the next run. */
    private volatile long heard;
    private volatile long heardMovedAt = System.nanoTime();
    private long itemStart;
    private long itemLimit = Long.MAX_VALUE;

    ItemSink(BufferedPcmSource.Sink session, int rate) {
        this.session = session;
        this.rate = rate;
    }

    /** Starts an item that may play for {@code limit} (null: to its end). */
    void start(Duration limit) {
        itemStart = position;
        itemLimit = limit == null ? Long.MAX_VALUE : limit.toNanos() * rate / 1_000_000_000L;
    }

    /**
     * Moves the session's position to {@code at} without sound: a run after a preemption resumes where the session's
     * clock stands, so its fixed-time items keep their second and the overrun rule sees the time lost.
     */
    void skipTo(Duration at) {
        position = Math.max(position, at.toNanos() * rate / 1_000_000_000L);
        itemStart = position;
        heard = position;
    }

    /** Where the listener is, in samples at the session's rate: what was made less what waits in the air's buffer. */
    long heard() {
        return Math.max(position - session.queued(), 0);
    }

    /** Whether the listener stopped taking audio {@code quiet} ago or longer: the air was preempted (or ended). */
    boolean stalled(Duration quiet) {
        return System.nanoTime() - heardMovedAt >= quiet.toNanos();
    }

    /** Where the session is, in samples at its rate. */
    long samples() {
        return position;
    }

    /** Where the session is: how much it has aired. */
    Duration position() {
        return Duration.ofNanos(position * 1_000_000_000L / rate);
    }

    /** {@code length} of silence. */
    void silence(Duration length) {
        long samples = length.toNanos() * rate / 1_000_000_000L;
        while (samples > 0) {
            int n = (int) Math.min(samples, rate / 50);
            accept(PcmFrame.silence(n, rate, 0));
            samples -= n;
        }
    }

    @Override
    public void accept(PcmFrame frame) {
        PcmFrame f = frame.sampleRate() == rate ? frame
                : resamplers.computeIfAbsent(frame.sampleRate(), r -> new Resampler(r, rate)).process(frame);
        long left = itemLimit - (position - itemStart);
        if (left <= 0) {
            throw new Ended();
        }
        short[] samples = f.samples();
        if (samples.length > left) {
            samples = java.util.Arrays.copyOf(samples, (int) left);
        }
        session.accept(new PcmFrame(samples, rate, position));
        position += samples.length;
        long now = position - session.queued();
        if (now != heard) {
            heard = now;
            heardMovedAt = System.nanoTime();
        }
        if (position - itemStart >= itemLimit) {
            throw new Ended();
        }
    }
}
