package vn.loa.core.media;

import java.util.Arrays;
import java.util.Optional;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.srtp.SrtpSender;
import vn.loa.wire.srtp.StreamRollover;

/**
 * The protect stage of a zone stream sent as SRTP: each packet is protected once, then the fan-out sends the same
 * bytes to every node agent of the zone.
 *
 * <p>SRTP keeps the RTP header as it is and changes only what follows it, so a protected packet still travels as
 * an {@link RtpPacket}: same header, with the encrypted payload and the authentication tag as its payload. That is
 * why any {@link ZoneOutput} can carry it unchanged. Padded packets cannot travel that way (the
 * padding would be re-added in the clear); Loa's packetiser never pads.
 *
 * <p>Called by the one pacing thread. A packet that cannot be protected is dropped and counted, so the rest of the
 * zone's stream carries on.
 */
public final class SrtpProtection implements Protection {

    private final SrtpSender sender;
    private volatile long dropped;
    private volatile long lastSsrc = -1;

    /** @param sender the zone stream's SRTP sender, whose key the node agents of the zone were given */
    public SrtpProtection(SrtpSender sender) {
        this.sender = sender;
    }

    @Override
    public RtpPacket protect(RtpPacket packet) {
        if (packet.paddingLength() > 0) {
            dropped++;
            return null;
        }
        byte[] srtp;
        try {
            srtp = sender.protect(packet);
        } catch (IllegalArgumentException | IllegalStateException e) {
            dropped++;
            return null;
        }
        lastSsrc = packet.ssrc();
        int header = packet.encodedLength() - packet.payload().length;
        return new RtpPacket(packet.marker(), packet.payloadType(), packet.sequenceNumber(), packet.timestamp(),
                packet.ssrc(), packet.csrcs(), packet.extension(), Arrays.copyOfRange(srtp, header, srtp.length), 0);
    }

    @Override
    public byte[] protectControl(byte[] rtcp) {
        try {
            return sender.protectControl(rtcp);
        } catch (IllegalArgumentException | IllegalStateException e) {
            dropped++;
            return null;
        }
    }

    /** Packets (RTP and RTCP) that could not be protected and were not sent. */
    public long dropped() {
        return dropped;
    }

    /**
     * The stream's SSRC, rollover counter and sequence number as of its last packet, for the play command to a node
     * agent that joins now; empty before the first packet, when an agent starts at counter 0 whatever the SSRC.
     */
    public Optional<StreamRollover> rollover() {
        long ssrc = lastSsrc;
        return ssrc < 0 ? Optional.empty() : Optional.of(sender.position(ssrc));
    }

    public SrtpSender sender() {
        return sender;
    }
}
