package vn.loa.wire.rtp;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * A receiver's jitter buffer: holds packets for a playout delay, puts them back in sequence order, and hands each out
 * when its time comes, or reports it lost so the decoder can conceal it.
 *
 * <p>Not thread-safe: the receiving and playing threads must share it under one lock. Playout time follows the RTP
 * timestamp, so a sender's silent gaps (timestamps jump, sequence numbers do not) play as silence rather than as
 * late packets. The delay is the {@link PlayoutDelay}'s: measured from recent transit times (adaptive) or fixed. It
 * counts from the fastest recent packet, which also follows the drift between the sender's and the node's clocks. A
 * packet far off the schedule (the sender's timestamps jumped, or the receiver stalled and the first packets came
 * in a burst) re-anchors it.
 */
public final class RtpJitterBuffer {

    private final int clockRate;
    private final PlayoutDelay delay;
    private final int capacity;
    private final TreeMap<Long, RtpPacket> waiting = new TreeMap<>();
    private boolean anchored;
    private long anchorArrival;
    private long anchorTimestamp;
    private long nextSequence;
    private long late;
    private long duplicates;
    private long overflows;
    private long retimed;
    /** Timestamp units of audio per packet, measured from consecutive packets; 20 ms until two have come. */
    private long packetUnits;
    private long previousSequence = -1;
    private long previousTimestamp;

    /**
     * @param delay how long a packet waits before it plays: the jitter it absorbs (60–200 ms on a commune network)
     * @param capacity most packets held at once; beyond it the oldest is played out early
     */
    public RtpJitterBuffer(int clockRate, Duration delay, int capacity) {
        this(clockRate, PlayoutDelay.fixed(delay), capacity);
    }

    /**
     * @param delay how long packets wait, measured or fixed; this buffer feeds it
     * @param capacity most packets held at once; beyond it the oldest is played out early
     */
    public RtpJitterBuffer(int clockRate, PlayoutDelay delay, int capacity) {
        this.clockRate = clockRate;
        this.delay = delay;
        this.capacity = capacity;
        this.packetUnits = clockRate / 50;
    }

    /** Adds a packet that arrived at {@code arrival} (monotonic nanoseconds). */
    public void insert(RtpPacket packet, long arrival) {
        if (!anchored) {
            anchored = true;
            anchor(packet, arrival);
            nextSequence = packet.sequenceNumber();
        } else {
            long transit = transit(packet, arrival);
            if (Math.abs(transit - delay.offset()) > 2 * delay.maxNanos()
                    || packet.marker() && Math.abs(transit - delay.floor()) > delay.maxNanos()) {
                // Far off the schedule: the packets it was timed from came late (a burst after the receiver
                // stalled), or the sender's timestamps jumped. Timing from them would hold every packet past what
                // the buffer keeps, or play none in time: time from this one instead, and what waits plays at once.
                anchor(packet, arrival);
                retimed++;
            }
        }
        long sequence = extend(packet.sequenceNumber());
        measurePacketTime(sequence, packet.timestamp());
        delay.observe(transit(packet, arrival), packetUnits * 1_000_000_000L / clockRate);
        if (sequence < nextSequence) {
            late++;
            return;
        }
        if (waiting.putIfAbsent(sequence, packet) != null) {
            duplicates++;
            return;
        }
        if (waiting.size() > capacity) {
            overflows++;
            nextSequence = waiting.firstKey() + 1; // give up waiting for anything before the oldest
            waiting.pollFirstEntry();
        }
    }

    /** The slot due by {@code now}, or {@code null} when nothing is due yet. Call it until it returns null. */
    public PlayoutSlot poll(long now) {
        Map.Entry<Long, RtpPacket> first = waiting.firstEntry();
        if (first == null || dueTime(first.getValue().timestamp()) > now) {
            return null;
        }
        long sequence = nextSequence++;
        if (first.getKey() == sequence) {
            waiting.pollFirstEntry();
            return new PlayoutSlot(sequence & 0xFFFF, first.getValue());
        }
        // A later packet is due, so this one is not coming; the one right after it may carry its FEC.
        return new PlayoutSlot(sequence & 0xFFFF, null, waiting.get(sequence + 1));
    }

    /** When the next packet in the buffer is due, or {@code Long.MAX_VALUE} when it is empty. */
    public long nextDueTime() {
        Map.Entry<Long, RtpPacket> first = waiting.firstEntry();
        return first == null ? Long.MAX_VALUE : dueTime(first.getValue().timestamp());
    }

    /** Packets that came after their turn had passed, and were dropped. */
    public long late() {
        return late;
    }

    public long duplicates() {
        return duplicates;
    }

    /** Times the schedule was re-timed from a packet far off it (a stall and burst, a timestamp jump). */
    public long retimed() {
        return retimed;
    }

    /** Packets pushed out early because the buffer was full. */
    public long overflows() {
        return overflows;
    }

    /**
     * The audio one packet holds, in timestamp units, as the stream's consecutive packets show it (a 60 ms Opus
     * packet is 2880 at 48 kHz); 20 ms's worth until two consecutive packets have come.
     */
    public long packetUnits() {
        return packetUnits;
    }

    /** The playout delay now, in nanoseconds, over the fastest recent packet. */
    public long delayNanos() {
        return delay.nanos();
    }

    /**
     * Learns the packet time from two packets in sequence: their timestamps' difference over their sequence numbers'.
     * A sender's pause (the timestamp jumps, the sequence does not) gives more than an Opus packet can hold (120 ms)
     * and is not taken.
     */
    private void measurePacketTime(long sequence, long timestamp) {
        long steps = sequence - previousSequence;
        if (previousSequence >= 0 && steps > 0 && steps <= 3) {
            long units = (int) (timestamp - previousTimestamp) / steps; // signed 32-bit difference: wrap-around
            if (units > 0 && units <= clockRate * 120L / 1000) {
                packetUnits = units;
            }
        }
        if (steps > 0 || previousSequence < 0) {
            previousSequence = sequence;
            previousTimestamp = timestamp;
        }
    }

    private void anchor(RtpPacket packet, long arrival) {
        anchorArrival = arrival;
        anchorTimestamp = packet.timestamp();
        delay.restart();
    }

    /** How long after its timestamp foretold (by the anchor) a packet arrived. */
    private long transit(RtpPacket packet, long arrival) {
        return arrival - anchorArrival - mediaTime(packet.timestamp());
    }

    private long dueTime(long timestamp) {
        return anchorArrival + delay.offset() + mediaTime(timestamp);
    }

    private long mediaTime(long timestamp) {
        int units = (int) (timestamp - anchorTimestamp); // signed 32-bit difference copes with wrap-around
        return units * 1_000_000_000L / clockRate;
    }

    /** The 16-bit sequence number widened to the value nearest the next one expected. */
    private long extend(int sequence) {
        long candidate = (nextSequence & ~0xFFFFL) | sequence;
        if (candidate - nextSequence > 0x8000) {
            candidate -= 0x10000;
        } else if (nextSequence - candidate > 0x8000) {
            candidate += 0x10000;
        }
        return candidate;
    }
}
