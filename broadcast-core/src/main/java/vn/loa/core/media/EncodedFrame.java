package vn.loa.core.media;

import java.util.Arrays;
import java.util.Objects;

/**
 * One frame of encoded audio, ready for a packet: the codec's bytes and where the frame sits in RTP clock units.
 *
 * @param timestamp the frame's start in RTP clock units from the start of the stream (before any random offset)
 * @param duration the audio it holds in RTP clock units, what the next packet's timestamp advances by
 * @param clockRate the RTP clock rate of the codec (8000 for G.711 and G.722, 48000 for Opus)
 */
public record EncodedFrame(byte[] payload, long timestamp, int duration, int clockRate) {

    public EncodedFrame {
        Objects.requireNonNull(payload, "payload");
        if (duration <= 0 || clockRate <= 0 || timestamp < 0) {
            throw new IllegalArgumentException("bad frame timing: ts=" + timestamp + " dur=" + duration);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedFrame f && timestamp == f.timestamp && duration == f.duration
                && clockRate == f.clockRate && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(payload), timestamp, duration, clockRate);
    }

    @Override
    public String toString() {
        return "EncodedFrame[" + payload.length + " B, ts=" + timestamp + ", dur=" + duration + "/" + clockRate + "]";
    }
}
