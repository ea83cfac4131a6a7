package vn.loa.wire.rtp;

import java.util.List;

/**
 * An RTCP sender report (RFC 3550 §6.4.1): ties an RTP timestamp of a stream to wall-clock time and says how much
 * the sender has sent, so receivers can sync and estimate loss.
 *
 * @param ssrc the sender's synchronisation source
 * @param ntpTime the wall-clock time at which {@code rtpTimestamp} was sampled
 * @param rtpTimestamp the same instant in the stream's RTP timestamp units
 * @param packetCount RTP data packets sent since the stream started (wraps at 2^32)
 * @param octetCount payload octets sent since the stream started, headers and padding excluded (wraps at 2^32)
 * @param reports reception reports, at most 31
 */
public record RtcpSenderReport(
        long ssrc,
        NtpTimestamp ntpTime,
        long rtpTimestamp,
        long packetCount,
        long octetCount,
        List<RtcpReportBlock> reports) {

    public static final int PACKET_TYPE = 200;

    public RtcpSenderReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks, got " + reports.size());
        }
    }

    /** A report from a sender that receives nothing, as Loa's zone streams are. */
    public RtcpSenderReport(long ssrc, NtpTimestamp ntpTime, long rtpTimestamp, long packetCount, long octetCount) {
        this(ssrc, ntpTime, rtpTimestamp, packetCount, octetCount, List.of());
    }
}
