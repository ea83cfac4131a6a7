package vn.loa.core.media;

import java.util.Arrays;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * A source over PCM already in memory, such as a sentence from the speech engine, handed out in 20 ms frames.
 *
 * <p>Not thread-safe. The array is shared, not copied, and must not change while the source is read.
 */
public final class PcmBufferSource implements MediaSource<PcmFrame> {

    private final short[] samples;
    private final int sampleRate;
    private final int frameLength;
    private int position;

    public PcmBufferSource(short[] samples, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
        this.samples = samples;
        this.sampleRate = sampleRate;
        this.frameLength = Math.max(1, sampleRate / 50);
    }

    @Override
    public PcmFrame pull() {
        if (position >= samples.length) {
            return null;
        }
        int end = Math.min(samples.length, position + frameLength);
        PcmFrame frame = new PcmFrame(Arrays.copyOfRange(samples, position, end), sampleRate, position);
        position = end;
        return frame;
    }
}
