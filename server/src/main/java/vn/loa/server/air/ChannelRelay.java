package vn.loa.server.air;

import java.util.List;
import vn.loa.core.media.ZoneOutput;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;

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

    /** IPv4 and UDP headers: what a 4G SIM is billed on top of each datagram. */
    static final int IP_UDP_HEADERS = 28;

    private final ZoneOutput udp;
    /** IP bytes of one copy of everything sent on UDP: what each agent on UDP was sent while it was one. */
    private final java.util.concurrent.atomic.AtomicLong udpBytesEach = new java.util.concurrent.atomic.AtomicLong();
    private volatile List<NodeSession> overUdp = List.of();
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

    /** The agents that hear this stream over UDP from now on, for their data use. */
    synchronized void reachOverUdp(List<NodeSession> now) {
        for (NodeSession gone : overUdp) {
            if (!now.contains(gone)) {
                gone.udpFrom(null);
            }
        }
        now.forEach(agent -> agent.udpFrom(this));
        overUdp = List.copyOf(now);
    }

    /** IP bytes of one copy of every packet sent on UDP so far. */
    long udpBytesEach() {
        return udpBytesEach.get();
    }

    @Override
    public void send(RtpPacket packet) {
        udp.send(packet);
        udpBytesEach.addAndGet(packet.encodedLength() + IP_UDP_HEADERS);
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

    @Override
    public long datagramsSent() {
        return udp.datagramsSent();
    }

    @Override
    public long sendFailures() {
        return udp.sendFailures();
    }
}
