package vn.loa.core.media;

import java.time.Duration;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.rtp.RtpPacket;

/**
 * Wraps a stage's output to count what passes and the time spent, for {@link StageStats}.
 *
 * <p>Not thread-safe, like the stream it wraps. Time is measured with {@link System#nanoTime()} because it is a
 * measure of work, not a clock that decides anything; pacing uses {@link MediaClock}.
 */
final class MeteredSource<T> implements MediaSource<T> {

    private final String name;
    private final MediaSource<T> stage;
    private final MeteredSource<?> upstream;
    private long units;
    private long bytes;
    private long mediaNanos;
    private long totalNanos;

    MeteredSource(String name, MediaSource<T> stage, MeteredSource<?> upstream) {
        this.name = name;
        this.stage = stage;
        this.upstream = upstream;
    }

    @Override
    public T pull() {
        long start = System.nanoTime();
        T unit = stage.pull();
        totalNanos += System.nanoTime() - start;
        if (unit != null) {
            units++;
            count(unit);
        }
        return unit;
    }

    @Override
    public void close() {
        stage.close();
    }

    String name() {
        return name;
    }

    /** Units passed on so far. */
    long units() {
        return units;
    }

    /** Time spent in this stage alone so far, its upstream's time taken out. */
    long ownNanos() {
        return totalNanos - (upstream == null ? 0 : upstream.totalNanos);
    }

    StageStats stats() {
        long own = totalNanos - (upstream == null ? 0 : upstream.totalNanos);
        return new StageStats(name, units, bytes, Duration.ofNanos(mediaNanos), Duration.ofNanos(Math.max(0, own)));
    }

    private void count(Object unit) {
        if (unit instanceof PcmFrame frame) {
            bytes += frame.byteCount();
            mediaNanos += frame.length() * 1_000_000_000L / frame.sampleRate();
        } else if (unit instanceof EncodedFrame frame) {
            bytes += frame.payload().length;
            mediaNanos += frame.duration() * 1_000_000_000L / frame.clockRate();
        } else if (unit instanceof RtpPacket packet) {
            bytes += packet.encodedLength();
        }
    }
}
