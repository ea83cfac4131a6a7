package vn.loa.wire.rtp;

/**
 * What a receiver has heard of one RTP source: sequence validation, loss and interarrival jitter (RFC 3550 §6.4.1,
 * appendices A.1, A.3 and A.8), and the report block that tells the sender.
 *
 * <p>Not thread-safe: one per source, fed by the receiving thread. A new source is on probation until two packets in
 * sequence arrive, so stray or forged datagrams do not start a stream; a jump of more than 3,000 sequence numbers
 * is taken as a restarted sender only when the packet after it confirms it.
 */
public final class RtpReceptionStatistics {

    private static final int SEQ_MOD = 1 << 16;
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;
    private static final int MIN_SEQUENTIAL = 2;

    private final long ssrc;
    private boolean seen;
    private int probation;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private int badSeq = SEQ_MOD + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private long rejected;
    private boolean haveTransit;
    private long lastTransit;
    private double jitter;

    public RtpReceptionStatistics(long ssrc) {
        this.ssrc = ssrc;
    }

    /**
     * Counts one packet from this source.
     *
     * @param arrival the packet's arrival time in the stream's RTP clock units (e.g. nanoTime * 8000 / 1e9)
     * @return whether the packet belongs to the stream and should be played; false while on probation or for a
     *         packet far out of sequence
     */
    public boolean accept(RtpPacket packet, long arrival) {
        if (packet.ssrc() != ssrc) {
            throw new IllegalArgumentException("packet from SSRC " + packet.ssrc() + " given to " + ssrc);
        }
        boolean valid = updateSequence(packet.sequenceNumber());
        if (!valid) {
            rejected++;
            return false;
        }
        updateJitter(packet.timestamp(), arrival);
        return true;
    }

    private boolean updateSequence(int seq) {
        if (!seen) {
            seen = true;
            restart(seq);
            maxSeq = (seq - 1) & 0xFFFF;
            probation = MIN_SEQUENTIAL;
        }
        int delta = (seq - maxSeq) & 0xFFFF;
        if (probation > 0) {
            if (seq == ((maxSeq + 1) & 0xFFFF)) {
                probation--;
                maxSeq = seq;
                if (probation == 0) {
                    restart(seq);
                    received++;
                    return true;
                }
            } else {
                probation = MIN_SEQUENTIAL - 1;
                maxSeq = seq;
            }
            return false;
        }
        if (delta < MAX_DROPOUT) {
            if (seq < maxSeq) {
                cycles += SEQ_MOD; // wrapped around
            }
            maxSeq = seq;
        } else if (delta <= SEQ_MOD - MAX_MISORDER) {
            if (seq != badSeq) {
                badSeq = (seq + 1) & 0xFFFF; // a big jump: believe it only if the next packet follows it
                return false;
            }
            restart(seq); // two packets agree: the sender restarted
        }
        // else: duplicate or reordered within MAX_MISORDER; counted but does not move the maximum
        received++;
        return true;
    }

    private void restart(int seq) {
        baseSeq = seq;
        maxSeq = seq;
        badSeq = SEQ_MOD + 1;
        cycles = 0;
        received = 0;
        receivedPrior = 0;
        expectedPrior = 0;
    }

    private void updateJitter(long timestamp, long arrival) {
        long transit = arrival - timestamp;
        if (haveTransit) {
            // RTP timestamps are 32-bit and wrap (after ~6 days at 8 kHz, 25 hours at 48 kHz): the difference is
            // taken modulo 2^32, as RFC 3550 A.8 does with unsigned ints, so a wrap is not a jump of 2^32 units.
            long d = Math.abs((int) (transit - lastTransit));
            jitter += (d - jitter) / 16.0; // the RFC's gain of 1/16 smooths out single late packets
        }
        lastTransit = transit;
        haveTransit = true;
    }

    public long ssrc() {
        return ssrc;
    }

    /** The highest sequence number seen, with wrap-arounds counted in the upper bits. */
    public long extendedHighestSequence() {
        return cycles + maxSeq;
    }

    /** Packets expected since the stream (re)started, from the sequence numbers. */
    public long expected() {
        return received == 0 ? 0 : extendedHighestSequence() - baseSeq + 1;
    }

    /** Packets accepted, duplicates included. */
    public long received() {
        return received;
    }

    /** Packets expected but not received; negative when duplicates outnumber losses. */
    public long cumulativeLost() {
        return expected() - received;
    }

    /** Packets refused: on probation, or far out of sequence. */
    public long rejected() {
        return rejected;
    }

    /** Interarrival jitter in RTP clock units. */
    public double jitter() {
        return jitter;
    }

    /**
     * The report block for this source, and the start of the next reporting interval.
     *
     * @param lastSenderReport middle 32 bits of the last SR's NTP time, or 0
     * @param delaySinceLastSenderReport since then, in 1/65536 s, or 0
     */
    public RtcpReportBlock reportBlock(long lastSenderReport, long delaySinceLastSenderReport) {
        long expected = expected();
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        long lostInterval = expectedInterval - receivedInterval;
        expectedPrior = expected;
        receivedPrior = received;
        int fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (int) ((lostInterval << 8) / expectedInterval);
        // Clamp to the 24-bit signed field rather than wrap.
        int lost = (int) Math.max(-(1 << 23), Math.min((1 << 23) - 1, cumulativeLost()));
        return new RtcpReportBlock(ssrc, Math.min(fraction, 255), lost, extendedHighestSequence() & 0xFFFF_FFFFL,
                (long) jitter & 0xFFFF_FFFFL, lastSenderReport, delaySinceLastSenderReport);
    }
}
