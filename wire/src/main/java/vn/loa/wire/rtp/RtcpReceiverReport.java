package vn.loa.wire.rtp;

import java.util.List;

/**
 * An RTCP receiver report (RFC 3550 §6.4.2): what a receiver that sends no media (a loudspeaker node) heard of each
 * source, from which the server learns loss and jitter per node.
 *
 * @param ssrc the reporting receiver's own synchronisation source
 * @param reports one block per source heard, at most 31
 */
public record RtcpReceiverReport(long ssrc, List<RtcpReportBlock> reports) {

    public static final int PACKET_TYPE = 201;

    public RtcpReceiverReport {
        reports = List.copyOf(reports);
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks, got " + reports.size());
        }
    }
}
