package vn.loa.node.rtp;

import vn.loa.wire.rtp.RtcpReportBlock;

import java.util.List;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpReceptionStatistics;

/**
 * One sender heard on the node's RTP port (one SSRC): its reception statistics, and the packets it sent while still
 * on probation.
 *
 * <p>Used by the receiving thread only. RFC 3550 keeps a new source on probation until two packets arrive in
 * sequence, which would cut the first 20 ms of every announcement; so the packet that starts the probation is held
 * and played along with the one that ends it, as A.1 suggests.
 */
final class RtpSource {

    private final RtpReceptionStatistics statistics;
    private final int clockRate;
    private RtpPacket held;
    /** Held packets that were played: the statistics start counting only at the packet that ends probation. */
    private long heldPlayed;
    private long lastHeard;

    RtpSource(long ssrc, int clockRate, long now) {
        this.statistics = new RtpReceptionStatistics(ssrc);
        this.clockRate = clockRate;
        this.lastHeard = now;
    }

    /** The packets to play now that {@code packet} arrived at {@code arrival} (monotonic nanoseconds). */
    List<RtpPacket> offer(RtpPacket packet, long arrival) {
        lastHeard = arrival;
        // Microseconds first, so that the product stays far from overflow for years of uptime.
        long units = arrival / 1000 * clockRate / 1_000_000;
        boolean validated = statistics.received() > 0;
        if (!statistics.accept(packet, units)) {
            held = validated ? null : packet;
            return List.of();
        }
        RtpPacket before = held;
        held = null;
        if (!validated && before != null && ((before.sequenceNumber() + 1) & 0xFFFF) == packet.sequenceNumber()) {
            heldPlayed++;
            return List.of(before, packet);
        }
        return List.of(packet);
    }

    long ssrc() {
        return statistics.ssrc();
    }

    /** Whether two packets in sequence have confirmed this source. */
    boolean validated() {
        return statistics.received() > 0;
    }

    long lastHeard() {
        return lastHeard;
    }

    long received() {
        return statistics.received() + heldPlayed;
    }

    long lost() {
        return Math.max(0, statistics.cumulativeLost());
    }

    double jitterMs() {
        return statistics.jitter() * 1000.0 / clockRate;
    }

    /** What this node heard of the source since the last block (RFC 3550 §6.4.1); starts the next interval. */
    RtcpReportBlock reportBlock() {
        return statistics.reportBlock(0, 0); // the server's sender reports go to port + 1, which NATs do not open
    }
}
