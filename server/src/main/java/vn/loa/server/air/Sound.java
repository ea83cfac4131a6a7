package vn.loa.server.air;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import vn.loa.core.media.BufferedPcmSource;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;

/**
 * What an announcement sounds like before mixing, made on demand each time it plays: its text spoken sentence by
 * sentence, or its recordings decoded as they play. Nothing of it is kept, so a 30-hour recording costs what five
 * seconds cost (see ADR 0017).
 *
 * @param sampleRate the rate the sound is made at; pieces at another rate are resampled to it
 * @param producer makes the sound, blocking, into a sink that blocks while the listener is behind
 */
public record Sound(int sampleRate, BufferedPcmSource.Producer producer) {

    /** How much is made ahead of the air: rides out a busy CPU, small whatever the length. */
    static final Duration AHEAD = Duration.ofSeconds(5);

    /** The sound made on {@code makers} ahead of the pacer, which never waits for it. */
    MediaSource<PcmFrame> ahead(Executor makers) {
        return BufferedPcmSource.start(makers, sampleRate, AHEAD, producer);
    }

    /** The sound made on {@code makers} for a file: every pull waits for it, so nothing is skipped. */
    MediaSource<PcmFrame> forFile(Executor makers) {
        return BufferedPcmSource.startWaiting(makers, sampleRate, AHEAD, producer);
    }

    /**
     * The same sound, telling {@code failed} why when it cannot be made (the speech engine broke mid-notice); a sound
     * stopped because nobody listens any more is no failure.
     */
    Sound reporting(java.util.function.Consumer<Exception> failed) {
        return new Sound(sampleRate, sink -> {
            try {
                producer.produce(sink);
            } catch (BufferedPcmSource.Closed e) {
                throw e;
            } catch (Exception e) {
                failed.accept(e);
                throw e;
            }
        });
    }

    /** Several sounds one after another, at the first one's rate (a playlist of recordings). */
    static Sound joined(List<Sound> parts) {
        return new Sound(parts.get(0).sampleRate(), sink -> {
            for (Sound part : parts) {
                part.producer().produce(sink);
            }
        });
    }

    /** The whole sound in memory, for a file a node fetches ahead; blocks until it is made. */
    OnAir.Spoken whole() {
        short[][] all = {new short[sampleRate * 10]};
        int[] length = {0};
        Resampler[] resampler = {null};
        try {
            producer.produce(frame -> {
                short[] samples = frame.samples();
                if (frame.sampleRate() != sampleRate) {
                    if (resampler[0] == null) {
                        resampler[0] = new Resampler(frame.sampleRate(), sampleRate);
                    }
                    samples = resampler[0].process(frame).samples();
                }
                if (length[0] + samples.length > all[0].length) {
                    all[0] = Arrays.copyOf(all[0], Math.max(all[0].length * 2, length[0] + samples.length));
                }
                System.arraycopy(samples, 0, all[0], length[0], samples.length);
                length[0] += samples.length;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the sound could not be made: " + e.getMessage(), e);
        }
        return new OnAir.Spoken(Arrays.copyOf(all[0], length[0]), sampleRate);
    }
}
