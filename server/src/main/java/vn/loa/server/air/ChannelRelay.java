package vn.loa.server.air;

import java.util.List;
import vn.loa.core.media.ZoneOutput;
import vn.loa.core.rtp.RtpPacket;
import vn.loa.core.rtp.RtpPacketCodec;

/**
 * A zone stream's last stage for what UDP does not reach: each packet goes on to the UDP fan-out, as one binary frame
 * down the control channel of each agent whose network blocks UDP, and to the zone's HTTP mount if it has one. The
 * agent feeds the frames to
 * the same receiver as its RTP port, so SRTP, the jitter buffer and the playout are the same on both paths.
 *
 * <p>{@link #send} is called by the pacing thread; {@link #reach} from any. RTCP stays on UDP: agents time their
 * playout from RTP alone.
 */
final class ChannelRelay implements ZoneOutput {

    private final ZoneOutput udp;
    private volatile List<NodeSession> agents = List.of();
    private final List<java.util.function.Consumer<RtpPacket>> taps = new java.util.concurrent.CopyOnWriteArrayList<>();

    ChannelRelay(ZoneOutput udp) {
        this.udp = udp;
    }

    /** Also hands every packet to {@code tap} (a zone's HTTP mount), on the pacing thread: it must not block. */
    void tap(java.util.function.Consumer<RtpPacket> tap) {
        taps.add(tap);
    }

    /** The agents that hear this stream on their channel from now on. */
    void reach(List<NodeSession> overChannel) {
        this.agents = List.copyOf(overChannel);
    }

    @Override
    public void send(RtpPacket packet) {
        udp.send(packet);
        for (var tap : taps) {
            tap.accept(packet);
        }
        List<NodeSession> now = agents;
        if (!now.isEmpty()) {
            byte[] datagram = RtpPacketCodec.encode(packet);
            for (NodeSession agent : now) {
                agent.sendMedia(datagram);
            }
        }
    }

    @Override
    public void sendControl(byte[] rtcp) {
        udp.sendControl(rtcp);
    }
}
