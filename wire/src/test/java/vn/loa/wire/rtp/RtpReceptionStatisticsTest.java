package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RtpReceptionStatisticsTest {

    private static final long SSRC = 0x5EL;

    @Test
    void aStreamInOrderHasNoLossAndNoJitter() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);

        for (int i = 0; i < 100; i++) {
            stats.accept(packet(1000 + i, 160L * i), 160L * i + 5000);
        }

        assertThat(stats.received()).isEqualTo(99); // the first packet only opened the probation
        assertThat(stats.cumulativeLost()).isZero();
        assertThat(stats.jitter()).isZero();
        assertThat(stats.reportBlock(0, 0).fractionLost()).isZero();
    }

    @Test
    void aSingleStrayDatagramDoesNotStartAStream() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);

        assertThat(stats.accept(packet(40_000, 0), 0)).isFalse();
        assertThat(stats.accept(packet(12, 0), 0)).isFalse();
        assertThat(stats.accept(packet(13, 160), 160)).isTrue();
        assertThat(stats.rejected()).isEqualTo(2);
    }

    @Test
    void lostPacketsAreCountedAndReportedAsAFractionOfTheInterval() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);
        for (int i = 0; i <= 100; i++) {
            if (i % 4 != 3) { // every fourth packet lost
                stats.accept(packet(i, 160L * i), 160L * i);
            }
        }

        RtcpReportBlock block = stats.reportBlock(0, 0);

        assertThat(stats.cumulativeLost()).isEqualTo(25);
        assertThat(block.cumulativeLost()).isEqualTo(25);
        assertThat(block.fractionLost()).isEqualTo(64); // 25 of 100 expected (1..100), in 1/256
        assertThat(block.highestSequence()).isEqualTo(100);
        // The next interval starts afresh.
        stats.accept(packet(101, 16_160), 16_160);
        assertThat(stats.reportBlock(0, 0).fractionLost()).isZero();
    }

    @Test
    void theSequenceWrapsIntoTheExtendedHighestSequenceNumber() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);
        for (int i = 0; i < 20; i++) {
            stats.accept(packet((65_530 + i) & 0xFFFF, 160L * i), 160L * i);
        }

        assertThat(stats.extendedHighestSequence()).isEqualTo(65_536 + 13);
        assertThat(stats.cumulativeLost()).isZero();
    }

    @Test
    void aFarJumpCountsOnlyOnceTheNextPacketConfirmsIt() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);
        for (int i = 0; i < 10; i++) {
            stats.accept(packet(i, 160L * i), 160L * i);
        }

        assertThat(stats.accept(packet(30_000, 0), 0)).isFalse();
        assertThat(stats.accept(packet(30_001, 160), 160)).isTrue();
        assertThat(stats.cumulativeLost()).isZero(); // the sender restarted; nothing was lost
    }

    @Test
    void arrivalsAlternatelyEarlyAndLateShowAsJitter() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);
        for (int i = 0; i < 1000; i++) {
            long wobble = i % 2 == 0 ? 0 : 80; // 10 ms at 8 kHz, every other packet
            stats.accept(packet(i, 160L * i), 160L * i + wobble);
        }

        assertThat(stats.jitter()).isCloseTo(80, within(1.0));
    }

    @Test
    void jitterStaysSmallWhenTheThirtyTwoBitTimestampWraps() {
        RtpReceptionStatistics stats = new RtpReceptionStatistics(SSRC);
        long arrival = 1_000_000;
        for (int i = 0; i < 100; i++) {
            // Timestamps from 0xFFFFF060 on: the 27th packet wraps to 0x00000000 and counts on from there.
            long timestamp = (0xFFFF_F060L + 160L * i) & 0xFFFF_FFFFL;
            long wobble = i % 2 == 0 ? 0 : 8; // 1 ms at 8 kHz, every other packet
            stats.accept(RtpPacketCodec.decode(wire(1000 + i, timestamp)), arrival + 160L * i + wobble);
        }

        assertThat(stats.jitter()).isCloseTo(8, within(1.0));
        assertThat(stats.cumulativeLost()).isZero();
    }

    /** An RTP packet as it comes off the network: version 2, PCMU, 160 bytes of µ-law silence. */
    private static byte[] wire(int sequence, long timestamp) {
        byte[] bytes = new byte[12 + 160];
        bytes[0] = (byte) 0x80;
        bytes[1] = 0;
        bytes[2] = (byte) (sequence >> 8);
        bytes[3] = (byte) sequence;
        for (int i = 0; i < 4; i++) {
            bytes[4 + i] = (byte) (timestamp >> (24 - 8 * i));
            bytes[8 + i] = (byte) (SSRC >> (24 - 8 * i));
        }
        java.util.Arrays.fill(bytes, 12, bytes.length, (byte) 0xFF);
        return bytes;
    }

    private static RtpPacket packet(int sequence, long timestamp) {
        return new RtpPacket(false, 0, sequence, timestamp, SSRC, new byte[160]);
    }
}
