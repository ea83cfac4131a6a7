package vn.loa.core.media;

import vn.loa.wire.rtp.RtpPacket;

/**
 * The protect stage of a zone stream: what its packets become before the fan-out sends them. Loa's node agents are
 * sent SRTP ({@link SrtpProtection}); third-party speakers plain RTP ({@link #NONE}).
 *
 * <p>Called by the one pacing thread.
 */
public interface Protection {

    /** Plain RTP: packets and reports leave as they are. */
    Protection NONE = new Protection() {
        @Override
        public RtpPacket protect(RtpPacket packet) {
            return packet;
        }

        @Override
        public byte[] protectControl(byte[] rtcp) {
            return rtcp;
        }
    };

    /** The packet to send in place of {@code packet}, or null when it cannot be protected and must be dropped. */
    RtpPacket protect(RtpPacket packet);

    /** The RTCP compound packet to send in place of {@code rtcp}, or null when it must be dropped. */
    byte[] protectControl(byte[] rtcp);
}
