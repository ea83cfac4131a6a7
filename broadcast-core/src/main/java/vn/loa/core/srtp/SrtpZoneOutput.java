package vn.loa.core.srtp;

import java.util.Arrays;
import java.util.Optional;
import vn.loa.core.media.ZoneOutput;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.srtp.SrtpSender;
import vn.loa.wire.srtp.StreamRollover;

/**
 * A zone output that sends the zone stream as SRTP: each packet is protected once, then handed to the plain output
 * (a {@link vn.loa.core.media.UdpFanOut}) that sends the same bytes to every node agent of the zone.
 *
 * <p>SRTP keeps the RTP header as it is and changes only what follows it, so a protected packet still travels as
 * an {@link RtpPacket}: same header, with the encrypted payload and the authentication tag as its payload. That is
 * why any {@link ZoneOutput} can carry it unchanged. Padded packets cannot travel that way (the padding would be
 * re-added in the clear); Loa's packetiser never pads.
 *
 * <p>Called by the one pacing thread. A packet that cannot be protected is dropped and counted, so the rest of the
 * zone's stream carries on.
 */
public final class SrtpZoneOutput implements ZoneOutput {

    private final SrtpSender sender;
    private final ZoneOutput plain;
    private volatile long dropped;
    private volatile long lastSsrc = -1;

    /**
     * @param sender the zone stream's SRTP sender, whose key the node agents of the zone were given
     * @param plain where the protected packets go
     */
    public SrtpZoneOutput(SrtpSender sender, ZoneOutput plain) {
        this.sender = sender;
        this.plain = plain;
    }

    @Override
    public void send(RtpPacket packet) {
        if (packet.paddingLength() > 0) {
            dropped++;
            return;
        }
        byte[] srtp;
        try {
            srtp = sender.protect(packet);
        } catch (IllegalArgumentException | IllegalStateException e) {
            dropped++;
            return;
        }
        lastSsrc = packet.ssrc();
        int header = packet.encodedLength() - packet.payload().length;
        plain.send(new RtpPacket(packet.marker(), packet.payloadType(), packet.sequenceNumber(), packet.timestamp(),
                packet.ssrc(), packet.csrcs(), packet.extension(), Arrays.copyOfRange(srtp, header, srtp.length), 0));
    }

    @Override
    public void sendControl(byte[] rtcp) {
        byte[] srtcp;
        try {
            srtcp = sender.protectControl(rtcp);
        } catch (IllegalArgumentException | IllegalStateException e) {
            dropped++;
            return;
        }
        plain.sendControl(srtcp);
    }

    /** Packets (RTP and RTCP) that could not be protected and were not sent. */
    public long dropped() {
        return dropped;
    }

    /**
     * The stream's SSRC, rollover counter and sequence number as of its last packet, for the play command to a node
     * agent that joins
     * now; empty before the first packet, when an agent starts at counter 0 whatever the SSRC.
     */
    public Optional<StreamRollover> rollover() {
        long ssrc = lastSsrc;
        return ssrc < 0 ? Optional.empty() : Optional.of(sender.position(ssrc));
    }

    public SrtpSender sender() {
        return sender;
    }
}
