package vn.loa.core.media;

import java.time.Duration;
import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.pcm.PcmFrame;

/**
 * The stage that cuts PCM into frames of exactly one packet time (20 ms by default), as encoders and packets need.
 *
 * <p>Not thread-safe. The last frame is padded with silence to full length: Opus cannot encode a short frame, and
 * at most one packet time of silence is inaudible at the end of an announcement.
 */
public final class FrameSizer implements MediaSource<PcmFrame> {

    private final MediaSource<PcmFrame> upstream;
    private final Duration packetTime;
    private short[] pending = new short[0];
    private int pendingLength;
    private int sampleRate;
    private int frameLength;
    private long timestamp;
    private boolean ended;

    private FrameSizer(MediaSource<PcmFrame> upstream, Duration packetTime) {
        if (packetTime.isNegative() || packetTime.isZero()) {
            throw new IllegalArgumentException("packet time must be positive: " + packetTime);
        }
        this.upstream = upstream;
        this.packetTime = packetTime;
    }

    public static Stage<PcmFrame, PcmFrame> every(Duration packetTime) {
        return upstream -> new FrameSizer(upstream, packetTime);
    }

    @Override
    public PcmFrame pull() {
        while (!ended && pendingLength < Math.max(1, frameLength)) {
            PcmFrame frame = upstream.pull();
            if (frame == null) {
                ended = true;
            } else {
                append(frame);
            }
        }
        if (pendingLength == 0) {
            return null;
        }
        short[] out = new short[frameLength];
        int take = Math.min(frameLength, pendingLength);
        System.arraycopy(pending, 0, out, 0, take);
        System.arraycopy(pending, take, pending, 0, pendingLength - take);
        pendingLength -= take;
        PcmFrame frame = new PcmFrame(out, sampleRate, timestamp);
        timestamp += frameLength;
        return frame;
    }

    private void append(PcmFrame frame) {
        if (frameLength == 0) {
            sampleRate = frame.sampleRate();
            frameLength = (int) (packetTime.toNanos() * sampleRate / 1_000_000_000L);
            if (frameLength == 0) {
                throw new IllegalArgumentException(packetTime + " is shorter than one sample at " + sampleRate);
            }
        } else if (frame.sampleRate() != sampleRate) {
            throw new IllegalStateException("sample rate changed mid-stream: " + sampleRate + " -> "
                    + frame.sampleRate());
        }
        if (pending.length < pendingLength + frame.length()) {
            pending = java.util.Arrays.copyOf(pending, Math.max(2 * pending.length, pendingLength + frame.length()));
        }
        System.arraycopy(frame.samples(), 0, pending, pendingLength, frame.length());
        pendingLength += frame.length();
    }

    @Override
    public void close() {
        upstream.close();
    }
}
