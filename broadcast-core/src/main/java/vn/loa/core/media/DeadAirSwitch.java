package vn.loa.core.media;

import java.time.Duration;
import java.util.function.Supplier;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A source that carries its primary (a relay, a recording) and, while the primary is dead air, a fallback (another
 * stream, a fallback playlist) instead, switching back when the primary sounds again. The primary is read all along,
 * in step with what is aired, so a relay stays live and a recording keeps its place.
 *
 * <p>The fallback is opened at the first switch and opened again when it ends (a playlist starts over). Frames keep
 * their own rates; the consumer resamples. Not thread-safe: one consumer pulls.
 */
public final class DeadAirSwitch implements MediaSource<PcmFrame> {

    /** Told of each switch, on the puller's thread. */
    public interface Listener {
        void switched(DeadAirWatch.Change change, Duration silentFor);
    }

    private final MediaSource<PcmFrame> primary;
    private final Supplier<MediaSource<PcmFrame>> fallbacks;
    private final DeadAirWatch watch;
    private final Listener listener;
    private MediaSource<PcmFrame> fallback;
    /** Primary audio read but not yet covered by fallback audio, in nanoseconds. */
    private long owed;

    public DeadAirSwitch(MediaSource<PcmFrame> primary, Supplier<MediaSource<PcmFrame>> fallbacks, DeadAirWatch watch,
            Listener listener) {
        this.primary = primary;
        this.fallbacks = fallbacks;
        this.watch = watch;
        this.listener = listener;
    }

    @Override
    public PcmFrame pull() {
        while (true) {
            if (watch.onFallback() && owed > 0) {
                PcmFrame f = fallbackFrame();
                owed -= f.duration().toNanos();
                return f;
            }
            PcmFrame p = primary.pull();
            if (p == null) {
                return null;
            }
            DeadAirWatch.Change change = watch.heard(p.samples(), p.duration());
            if (change != DeadAirWatch.Change.NONE) {
                listener.switched(change, watch.silentFor());
            }
            if (!watch.onFallback()) {
                owed = 0;
                return p;
            }
            owed += p.duration().toNanos();
        }
    }

    /** The next fallback frame; an ended fallback starts over, and one that gives nothing is 20 ms of silence. */
    private PcmFrame fallbackFrame() {
        for (int tries = 0; tries < 2; tries++) {
            if (fallback == null) {
                fallback = fallbacks.get();
            }
            PcmFrame f = fallback.pull();
            if (f != null) {
                return f;
            }
            fallback.close();
            fallback = null;
        }
        return PcmFrame.silence(160, 8_000, 0);
    }

    @Override
    public void close() {
        primary.close();
        if (fallback != null) {
            fallback.close();
        }
    }
}
