package vn.loa.core.media;

import vn.loa.wire.pcm.MediaSource;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketizer;

/**
 * The stage that wraps encoded frames in RTP packets through one stream's {@link RtpPacketizer}.
 *
 * <p>Not thread-safe. A hole in the frames' timestamps (suppressed silence) becomes a timestamp jump and a new talk
 * spurt, as RFC 3551 §4.1 describes, rather than a run of silent packets.
 */
public final class PacketiseStage implements MediaSource<RtpPacket> {

    private final MediaSource<EncodedFrame> upstream;
    private final RtpPacketizer packetizer;
    private long expectedTimestamp = -1;

    private PacketiseStage(MediaSource<EncodedFrame> upstream, RtpPacketizer packetizer) {
        this.upstream = upstream;
        this.packetizer = packetizer;
    }

    public static Stage<EncodedFrame, RtpPacket> with(RtpPacketizer packetizer) {
        return upstream -> new PacketiseStage(upstream, packetizer);
    }

    @Override
    public RtpPacket pull() {
        EncodedFrame frame = upstream.pull();
        if (frame == null) {
            return null;
        }
        if (expectedTimestamp >= 0 && frame.timestamp() > expectedTimestamp) {
            packetizer.skip(frame.timestamp() - expectedTimestamp);
        }
        expectedTimestamp = frame.timestamp() + frame.duration();
        return packetizer.packetize(frame.payload(), frame.duration());
    }

    @Override
    public void close() {
        upstream.close();
    }
}
