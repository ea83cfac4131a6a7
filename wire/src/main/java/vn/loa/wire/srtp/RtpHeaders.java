package vn.loa.wire.srtp;

/**
 * Reads the few RTP and RTCP header fields SRTP needs straight from the wire bytes, without decoding the packet.
 *
 * <p>Stateless. The {@code require} checks only what reading those fields needs; jitsi-srtp checks the rest.
 */
final class RtpHeaders {

    /** Version 2 in the top two bits of the first byte (RFC 3550 §5.1, §6.4). */
    private static final int VERSION_2 = 0x80;
    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private RtpHeaders() {
    }

    static void requireRtp(byte[] data, int offset, int length) {
        require(data, offset, length, RTP_HEADER, "an RTP");
    }

    static void requireRtcp(byte[] data, int offset, int length) {
        require(data, offset, length, RTCP_HEADER, "an RTCP");
    }

    /** Whether the bytes are long enough for an RTP header and a tag, and say version 2. */
    static boolean isSrtp(byte[] data, int offset, int length) {
        return fits(data, offset, length, RTP_HEADER + SrtpSession.TAG_LENGTH);
    }

    /** Whether the bytes are long enough for an RTCP header, the SRTCP index and a tag, and say version 2. */
    static boolean isSrtcp(byte[] data, int offset, int length) {
        return fits(data, offset, length, RTCP_HEADER + 4 + SrtpSession.TAG_LENGTH);
    }

    static int sequenceNumber(byte[] data, int offset) {
        return ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
    }

    static long ssrc(byte[] data, int offset) {
        return word(data, offset + 8);
    }

    /** The SSRC of the first report's sender, which SRTCP keys its context on. */
    static long rtcpSenderSsrc(byte[] data, int offset) {
        return word(data, offset + 4);
    }

    private static void require(byte[] data, int offset, int length, int header, String what) {
        if (!fits(data, offset, length, header)) {
            throw new IllegalArgumentException("not " + what + " packet: " + length + " B or not version 2");
        }
    }

    private static boolean fits(byte[] data, int offset, int length, int minimum) {
        return data != null && offset >= 0 && length >= minimum && offset + length <= data.length
                && (data[offset] & 0xC0) == VERSION_2;
    }

    private static long word(byte[] data, int at) {
        return ((data[at] & 0xFFL) << 24) | ((data[at + 1] & 0xFFL) << 16) | ((data[at + 2] & 0xFFL) << 8)
                | (data[at + 3] & 0xFFL);
    }
}
