package vn.loa.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.rtp.RtpPacketizer;
import vn.loa.wire.srtp.SrtpMasterKey;
import vn.loa.wire.srtp.SrtpReceiver;
import vn.loa.wire.srtp.SrtpRejectedException;
import vn.loa.wire.srtp.SrtpSender;

/**
 * Measures what SRTP adds per 20 ms PCMU packet (160-byte payload) next to the plain RTP encode, and prints it for
 * the README. Nothing here asserts a time: the figures depend on the machine and on the AES provider jitsi-srtp
 * elects by its own benchmark at start-up (OpenSSL or the JDK's). The best of many short rounds is kept, so other
 * work on the machine (a preempted round) disturbs the figures less.
 */
class SrtpProtectCostIT {

    private static final int PACKETS = 20_000;
    private static final int ROUNDS = 25;

    private final SrtpMasterKey key = SrtpMasterKey.generate();
    private final byte[] payload = new byte[160];

    @Test
    void protectingAPcmuPacketCostsAFewMicrosecondsAtMost() {
        Arrays.fill(payload, (byte) 0x55);
        double plain = best(this::plainEncode);
        double protect = best(this::protect);
        double zoneOutput = best(this::protectThroughZoneOutput);
        double unprotect = best(this::unprotect);

        System.out.printf("SRTP per 160-byte PCMU packet: plain encode %.0f ns, encode + protect %.0f ns (%.1f x),"
                + " through SrtpProtection %.0f ns, unprotect %.0f ns%n", plain, protect, protect / plain, zoneOutput,
                unprotect);
        assertThat(protect).isPositive();
        assertThat(unprotect).isPositive();
    }

    private long plainEncode() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 0, 0);
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < PACKETS; i++) {
            sink += RtpPacketCodec.encode(packetizer.packetize(payload, 160)).length;
        }
        return elapsed(start, sink, 172);
    }

    private long protect() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 0, 0);
        SrtpSender sender = new SrtpSender(key);
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < PACKETS; i++) {
            sink += sender.protect(packetizer.packetize(payload, 160)).length;
        }
        return elapsed(start, sink, 182);
    }

    private long protectThroughZoneOutput() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 0, 0);
        long[] sink = new long[1];
        SrtpProtection zone = new SrtpProtection(new SrtpSender(key));
        long start = System.nanoTime();
        for (int i = 0; i < PACKETS; i++) {
            // What UdpFanOut does before the socket.
            sink[0] += RtpPacketCodec.encode(zone.protect(packetizer.packetize(payload, 160))).length;
        }
        return elapsed(start, sink[0], 182);
    }

    private long unprotect() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 0, 0);
        SrtpSender sender = new SrtpSender(key);
        byte[][] wire = new byte[PACKETS][];
        for (int i = 0; i < PACKETS; i++) {
            wire[i] = sender.protect(packetizer.packetize(payload, 160));
        }
        SrtpReceiver receiver = new SrtpReceiver(key);
        long sink = 0;
        long start = System.nanoTime();
        try {
            for (byte[] packet : wire) {
                sink += receiver.unprotect(packet).length;
            }
        } catch (SrtpRejectedException e) {
            throw new AssertionError(e);
        }
        return elapsed(start, sink, 172);
    }

    /** Nanoseconds per packet; checking the byte count keeps the loop's work from being optimised away. */
    private static long elapsed(long start, long bytes, int perPacket) {
        long nanos = System.nanoTime() - start;
        assertThat(bytes).isEqualTo((long) PACKETS * perPacket);
        return nanos / PACKETS;
    }

    /** The best of {@link #ROUNDS} rounds after five rounds of warm-up, for the JIT. */
    private static double best(LongSupplier round) {
        for (int i = 0; i < 5; i++) {
            round.getAsLong();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < ROUNDS; i++) {
            best = Math.min(best, round.getAsLong());
        }
        return best;
    }
}
