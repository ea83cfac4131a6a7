package vn.loa.core.media;

import vn.loa.wire.rtp.RtpPacket;

/** Where a zone stream's packets go: its nodes' addresses or multicast group ({@link UdpFanOut}), or a test's list. */
public interface ZoneOutput {

    /** Sends one RTP packet; called from the ticker thread and must not block for long. */
    void send(RtpPacket packet);

    /** Sends one RTCP compound packet. */
    void sendControl(byte[] rtcp);

    /** Datagrams handed to the network so far, one per destination reached; for the fan-out stage's counts. */
    default long datagramsSent() {
        return 0;
    }

    /** Datagrams that could not be sent so far. */
    default long sendFailures() {
        return 0;
    }
}
