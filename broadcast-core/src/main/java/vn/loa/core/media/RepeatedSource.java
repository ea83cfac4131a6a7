package vn.loa.core.media;

import java.time.Duration;
import java.util.function.Supplier;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A programme's content played several times with a pause between plays, each play opened afresh from its start, so
 * that a repeated recording of any length is never held in memory (which {@link MixStage} does when it repeats).
 *
 * <p>Not thread-safe, like every source. The pause is silence at the rate of the play before it.
 */
public final class RepeatedSource implements MediaSource<PcmFrame> {

    private final Supplier<? extends MediaSource<PcmFrame>> content;
    private final int plays;
    private final Duration pause;
    private MediaSource<PcmFrame> current;
    private int played;
    private int pauseLeft;
    private int sampleRate;
    private long timestamp;

    private RepeatedSource(Supplier<? extends MediaSource<PcmFrame>> content, int plays, Duration pause) {
        if (plays < 1) {
            throw new IllegalArgumentException("content must play at least once: " + plays);
        }
        this.content = content;
        this.plays = plays;
        this.pause = pause;
    }

    /** {@code content} (opened once per play) played {@code plays} times, {@code pause} apart. */
    public static MediaSource<PcmFrame> of(Supplier<? extends MediaSource<PcmFrame>> content, int plays,
            Duration pause) {
        return plays == 1 ? content.get() : new RepeatedSource(content, plays, pause);
    }

    @Override
    public PcmFrame pull() {
        while (true) {
            if (pauseLeft > 0) {
                int length = Math.min(pauseLeft, Math.max(1, sampleRate / 50));
                pauseLeft -= length;
                return stamped(new short[length], sampleRate);
            }
            if (current == null) {
                if (played == plays) {
                    return null;
                }
                current = content.get();
                played++;
            }
            PcmFrame frame = current.pull();
            if (frame != null) {
                sampleRate = frame.sampleRate();
                return stamped(frame.samples(), frame.sampleRate());
            }
            current.close();
            current = null;
            if (played < plays && sampleRate > 0) {
                pauseLeft = (int) (pause.toNanos() * sampleRate / 1_000_000_000L);
            }
        }
    }

    private PcmFrame stamped(short[] samples, int rate) {
        PcmFrame frame = new PcmFrame(samples, rate, timestamp);
        timestamp += samples.length;
        return frame;
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        played = plays;
        pauseLeft = 0;
    }
}
