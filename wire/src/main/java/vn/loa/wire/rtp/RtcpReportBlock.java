package vn.loa.wire.rtp;

/**
 * One reception report block of an RTCP sender or receiver report (RFC 3550 §6.4.1): what one receiver heard of
 * one source.
 *
 * @param fractionLost fraction of packets lost since the last report, in 1/256 (0..255)
 * @param cumulativeLost packets lost since the start, signed 24-bit (duplicates can make it negative)
 * @param highestSequence extended highest sequence number received (cycles in the high 16 bits)
 * @param jitter interarrival jitter in timestamp units
 * @param lastSenderReport middle 32 bits of the NTP timestamp of the last SR received, or 0
 * @param delaySinceLastSenderReport delay since that SR in units of 1/65536 s, or 0
 */
public record RtcpReportBlock(
        long ssrc,
        int fractionLost,
        int cumulativeLost,
        long highestSequence,
        long jitter,
        long lastSenderReport,
        long delaySinceLastSenderReport) {

    public static final int LENGTH = 24;

    public RtcpReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost is 8-bit: " + fractionLost);
        }
        if (cumulativeLost < -(1 << 23) || cumulativeLost >= (1 << 23)) {
            throw new IllegalArgumentException("cumulative lost is signed 24-bit: " + cumulativeLost);
        }
    }
}
