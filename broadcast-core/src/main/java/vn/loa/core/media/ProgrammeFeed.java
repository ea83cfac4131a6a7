package vn.loa.core.media;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import vn.loa.wire.pcm.MediaSource;

/**
 * One programme's encoded audio as the zones that play it read it: every zone that asks for the same tick gets the
 * same frame, so a programme aimed at five zones is decoded and encoded once.
 *
 * <p>Read by the one ticker thread that drives the zone streams; only {@link #hold()} may be called from others.
 * Nobody asking means nobody pulls, so a programme preempted in all its zones pauses where it was cut off. The
 * pipeline opens at the first frame asked for, so a programme that waits its turn starts no decoder, and closes when
 * the last zone holding the feed lets go of it, which stops the decoder of a programme that will not be back.
 *
 * <p>This is the share stage of {@link NoticePipeline}: what the programme's stages did for a frame is counted in the
 * meters of every zone holding the feed.
 */
public final class ProgrammeFeed {

    private final Supplier<MediaSource<EncodedFrame>> opener;
    /** The meters of the zones that hold the feed; replaced whole on a change, so the ticker reads it without a lock. */
    private volatile PipelineMeters[] holders = new PipelineMeters[0];
    private MediaSource<EncodedFrame> source;
    private long lastTick = Long.MIN_VALUE;
    private EncodedFrame lastFrame;
    private boolean ended;

    private ProgrammeFeed(Supplier<MediaSource<EncodedFrame>> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    /** A feed over the programme's pipeline; {@code opener} builds it again if the programme must restart. */
    public static ProgrammeFeed open(Supplier<MediaSource<EncodedFrame>> opener) {
        return new ProgrammeFeed(opener);
    }

    /** The frame for {@code tick}: the one already pulled for this tick, or the next one; null at the end. */
    public EncodedFrame frameFor(long tick) {
        if (tick != lastTick && !ended) {
            lastTick = tick;
            if (source == null) {
                source = opener.get();
            }
            lastFrame = source.pull();
            if (source instanceof MediaPipeline<EncodedFrame> pipeline) {
                PipelineMeters[] zones = holders;
                pipeline.chargeTo(zones, zones.length);
            }
            if (lastFrame == null) {
                close();
            }
        }
        return tick == lastTick ? lastFrame : null;
    }

    /** A zone plays this feed (attached to its stream); its meters count the programme's stages from now on. */
    public synchronized void hold(PipelineMeters zone) {
        PipelineMeters[] now = Arrays.copyOf(holders, holders.length + 1);
        now[now.length - 1] = zone;
        holders = now;
    }

    /** A zone is done with this feed; the last one to let go closes its pipeline. */
    public void release(PipelineMeters zone) {
        boolean last;
        synchronized (this) {
            PipelineMeters[] now = holders;
            int at = Arrays.asList(now).indexOf(zone);
            if (at >= 0) {
                PipelineMeters[] fewer = new PipelineMeters[now.length - 1];
                System.arraycopy(now, 0, fewer, 0, at);
                System.arraycopy(now, at + 1, fewer, at, now.length - at - 1);
                holders = fewer;
            }
            last = holders.length == 0;
        }
        if (last) {
            close();
        }
    }

    private void close() {
        ended = true;
        if (source != null) {
            source.close();
            source = null;
        }
    }

    /** A fresh feed of the same programme from its beginning, for a zone where it must start over. */
    public ProgrammeFeed restarted() {
        return new ProgrammeFeed(opener);
    }
}
