package vn.loa.core.media;

import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;
import vn.loa.wire.pcm.Resampler;


/**
 * The stage that brings PCM to the rate the encoder wants (22,050 Hz speech to 8,000 Hz for G.711, to 48,000 Hz for
 * Opus); frames already at that rate pass through untouched.
 *
 * <p>Not thread-safe. The input rate is taken from the first frame, so any source fits.
 */
public final class ResampleStage implements MediaSource<PcmFrame> {

    private final MediaSource<PcmFrame> upstream;
    private final int outputRate;
    private Resampler resampler;
    private boolean ended;

    private ResampleStage(MediaSource<PcmFrame> upstream, int outputRate) {
        if (outputRate <= 0) {
            throw new IllegalArgumentException("output rate must be positive: " + outputRate);
        }
        this.upstream = upstream;
        this.outputRate = outputRate;
    }

    public static Stage<PcmFrame, PcmFrame> to(int outputRate) {
        return upstream -> new ResampleStage(upstream, outputRate);
    }

    @Override
    public PcmFrame pull() {
        while (!ended) {
            PcmFrame frame = upstream.pull();
            if (frame == null) {
                ended = true;
                return resampler == null ? null : nonEmpty(resampler.flush());
            }
            if (resampler == null && frame.sampleRate() == outputRate) {
                return frame;
            }
            if (resampler == null) {
                resampler = new Resampler(frame.sampleRate(), outputRate);
            }
            PcmFrame out = resampler.process(frame);
            if (out.length() > 0) {
                return out;
            }
        }
        return null;
    }

    private static PcmFrame nonEmpty(PcmFrame frame) {
        return frame.length() > 0 ? frame : null;
    }

    @Override
    public void close() {
        upstream.close();
    }
}
