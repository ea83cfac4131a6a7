package vn.loa.server.air;

import java.util.List;
import vn.loa.core.media.ZoneOutput;
import vn.loa.core.rtp.RtpPacket;
import vn.loa.core.rtp.RtpPacketCodec;

/**
 * A zone stream's last stage for the agents UDP does not reach (a network that blocks it): each packet goes on to the
 * UDP fan-out and, as one binary frame, down the control channel of each such agent. The agent feeds the frames to
 * the same receiver as its RTP port, so SRTP, the jitter buffer and the playout are the same on both paths.
 *
 * <p>{@link #send} is called by the pacing thread; {@link #reach} from any. RTCP stays on UDP: agents time their
 * playout from RTP alone.
 */
final class ChannelRelay implements ZoneOutput {

    private final ZoneOutput udp;
    private volatile List<NodeSession> agents = List.of();

    ChannelRelay(ZoneOutput udp) {
        this.udp = udp;
    }

    /** The agents that hear this stream on their channel from now on. */
    void reach(List<NodeSession> overChannel) {
        this.agents = List.copyOf(overChannel);
    }

    @Override
    public void send(RtpPacket packet) {
        udp.send(packet);
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
