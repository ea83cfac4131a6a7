package vn.loa.core.media;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One programme's encoded audio as the zones that play it read it: every zone that asks for the same tick gets the
 * same frame, so a programme aimed at five zones is decoded and encoded once.
 *
 * <p>Not thread-safe: read by the one ticker thread that drives the zone streams. Nobody asking means nobody pulls,
 * so a programme preempted in all its zones pauses where it was cut off.
 */
public final class ProgrammeFeed {

    private final Supplier<MediaSource<EncodedFrame>> opener;
    private final MediaSource<EncodedFrame> source;
    private long lastTick = Long.MIN_VALUE;
    private EncodedFrame lastFrame;
    private boolean ended;

    private ProgrammeFeed(Supplier<MediaSource<EncodedFrame>> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.source = opener.get();
    }

    /** A feed over the programme's pipeline; {@code opener} builds it again if the programme must restart. */
    public static ProgrammeFeed open(Supplier<MediaSource<EncodedFrame>> opener) {
        return new ProgrammeFeed(opener);
    }

    /** The frame for {@code tick}: the one already pulled for this tick, or the next one; null at the end. */
    public EncodedFrame frameFor(long tick) {
        if (tick != lastTick && !ended) {
            lastTick = tick;
            lastFrame = source.pull();
            if (lastFrame == null) {
                ended = true;
                source.close();
            }
        }
        return tick == lastTick ? lastFrame : null;
    }

    /** A fresh feed of the same programme from its beginning, for a zone where it must start over. */
    public ProgrammeFeed restarted() {
        return new ProgrammeFeed(opener);
    }
}
