package vn.loa.wire.rtp;

import java.util.random.RandomGenerator;

/**
 * Turns one stream's encoded audio frames into RTP packets: one SSRC, consecutive sequence numbers, timestamps that
 * advance by the audio each packet carries, and the marker bit on the first packet of every talk spurt.
 *
 * <p>Not thread-safe: one instance per outgoing stream, called from the stream's pacing thread. It also keeps the
 * counts an RTCP sender report needs.
 */
public final class RtpPacketizer {

    private final int payloadType;
    private final long ssrc;
    private int nextSequence;
    private long nextTimestamp;
    private boolean talkSpurtStarts = true;
    private long packetCount;
    private long octetCount;
    private long lastTimestamp;

    public RtpPacketizer(int payloadType, long ssrc, int initialSequence, long initialTimestamp) {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type out of range: " + payloadType);
        }
        this.payloadType = payloadType;
        this.ssrc = ssrc & 0xFFFF_FFFFL;
        this.nextSequence = initialSequence & 0xFFFF;
        this.nextTimestamp = initialTimestamp & 0xFFFF_FFFFL;
        this.lastTimestamp = this.nextTimestamp;
    }

    /** A packetiser with random SSRC, first sequence number and first timestamp, as RFC 3550 §5.1 asks. */
    public static RtpPacketizer withRandomStart(int payloadType, RandomGenerator random) {
        return new RtpPacketizer(payloadType, random.nextLong() & 0xFFFF_FFFFL, random.nextInt(0x10000),
                random.nextLong() & 0xFFFF_FFFFL);
    }

    /**
     * Wraps one frame's payload in the next packet.
     *
     * @param timestampUnits how much audio the payload holds, in the payload format's RTP clock units
     */
    public RtpPacket packetize(byte[] payload, int timestampUnits) {
        RtpPacket packet = new RtpPacket(talkSpurtStarts, payloadType, nextSequence, nextTimestamp, ssrc, payload);
        talkSpurtStarts = false;
        lastTimestamp = nextTimestamp;
        nextSequence = (nextSequence + 1) & 0xFFFF;
        advance(timestampUnits);
        packetCount++;
        octetCount += payload.length;
        return packet;
    }

    /**
     * Lets {@code timestampUnits} of time pass with nothing sent (silence suppressed, or a switch between
     * programmes); sequence numbers stay consecutive and the next packet starts a new talk spurt.
     */
    public void skip(long timestampUnits) {
        advance(timestampUnits);
        talkSpurtStarts = true;
    }

    /** Marks the next packet as the start of a talk spurt, as after a switch of programme with no gap. */
    public void startTalkSpurt() {
        talkSpurtStarts = true;
    }

    public long ssrc() {
        return ssrc;
    }

    public int payloadType() {
        return payloadType;
    }

    /** Packets made so far, for the RTCP sender report. */
    public long packetCount() {
        return packetCount;
    }

    /** Payload octets made so far, for the RTCP sender report. */
    public long octetCount() {
        return octetCount;
    }

    /** The timestamp of the last packet made (or of the first one to come, before any). */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /**
     * A sender report for this stream, taken just after a packet was sent at wall-clock time {@code sentAt}: the
     * report maps that instant to the last packet's timestamp.
     */
    public RtcpSenderReport senderReport(NtpTimestamp sentAt) {
        return new RtcpSenderReport(ssrc, sentAt, lastTimestamp, packetCount & 0xFFFF_FFFFL,
                octetCount & 0xFFFF_FFFFL);
    }

    /** The timestamp the next packet will carry. */
    public long nextTimestamp() {
        return nextTimestamp;
    }

    private void advance(long timestampUnits) {
        if (timestampUnits < 0) {
            throw new IllegalArgumentException("time runs forward: " + timestampUnits);
        }
        nextTimestamp = (nextTimestamp + timestampUnits) & 0xFFFF_FFFFL;
    }
}
