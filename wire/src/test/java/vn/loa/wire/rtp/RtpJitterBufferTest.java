package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpJitterBufferTest {

    private static final long MS = 1_000_000L;

    private final RtpJitterBuffer buffer = new RtpJitterBuffer(8000, Duration.ofMillis(100), 50);

    @Test
    void packetsPlayInSequenceAfterTheDelayEvenWhenTheyArriveOutOfOrder() {
        buffer.insert(packet(10, 0, true), 0);
        buffer.insert(packet(12, 320, false), 25 * MS);
        buffer.insert(packet(11, 160, false), 30 * MS);

        // Packet 12 came 15 ms sooner than packet 10 foretold: the delay counts from the fastest, and gets there gently.
        assertThat(buffer.poll(80 * MS)).isNull();
        assertThat(drain(140 * MS)).extracting(PlayoutSlot::sequence).containsExactly(10L, 11L, 12L);
    }

    @Test
    void aBurstAfterTheReceiverStalledPlaysAtOnceAndTheStreamThenRunsAtTheUsualDelay() {
        RtpJitterBuffer small = new RtpJitterBuffer(8000, Duration.ofMillis(100), 62);
        // Three seconds of packets arrive together (the receiver's thread was held up), then one every 20 ms.
        for (int k = 0; k < 150; k++) {
            small.insert(packet(k, 160L * k, k == 0), 0);
        }
        List<PlayoutSlot> played = new ArrayList<>();
        for (int k = 150; k < 200; k++) {
            long arrival = (k - 149) * 20 * MS;
            small.insert(packet(k, 160L * k, false), arrival);
            for (PlayoutSlot slot = small.poll(arrival); slot != null; slot = small.poll(arrival)) {
                played.add(slot);
            }
        }

        // Nothing waits behind the burst: every packet after it plays within two delays of coming (at the last
        // arrival, 1,000 ms, those that came by 800 ms), none is pushed out unplayed.
        assertThat(played).isNotEmpty();
        assertThat(played.get(played.size() - 1).sequence()).isGreaterThanOrEqualTo(189);
        assertThat(played).filteredOn(s -> s.sequence() >= 150).allMatch(s -> !s.lost());
    }

    @Test
    void aMissingPacketIsReportedLostWhenTheOneAfterItIsDue() {
        buffer.insert(packet(1, 0, true), 0);
        buffer.insert(packet(3, 320, false), 40 * MS);

        List<PlayoutSlot> slots = drain(140 * MS);

        assertThat(slots).extracting(PlayoutSlot::lost).containsExactly(false, true, false);
        assertThat(slots.get(1).sequence()).isEqualTo(2);
        // The packet after it is here: its in-band FEC (Opus) can rebuild the lost one.
        assertThat(slots.get(1).next().sequenceNumber()).isEqualTo(3);
    }

    @Test
    void aPacketArrivingAfterItsTurnIsDroppedAndCounted() {
        buffer.insert(packet(1, 0, true), 0);
        buffer.insert(packet(3, 320, false), 40 * MS);
        drain(140 * MS);

        buffer.insert(packet(2, 160, false), 150 * MS);

        assertThat(buffer.late()).isEqualTo(1);
        assertThat(buffer.poll(200 * MS)).isNull();
    }

    @Test
    void aSilentGapInTheSenderPlaysAsSilenceNotAsLoss() {
        buffer.insert(packet(1, 0, true), 0);
        drain(100 * MS);
        // Ten seconds of nothing on air: the timestamp jumps, the sequence number does not.
        buffer.insert(packet(2, 80_000, true), 10_000 * MS);

        assertThat(buffer.poll(10_050 * MS)).isNull();
        PlayoutSlot next = buffer.poll(10_100 * MS);
        assertThat(next.lost()).isFalse();
        assertThat(next.sequence()).isEqualTo(2);
    }

    @Test
    void sequenceNumbersWrapWithoutLosingPackets() {
        long t = 0;
        for (int i = 0; i < 10; i++) {
            buffer.insert(packet((65_531 + i) & 0xFFFF, 160L * i, i == 0), t);
            t += 20 * MS;
        }

        List<PlayoutSlot> slots = drain(1000 * MS);

        assertThat(slots).hasSize(10).noneMatch(PlayoutSlot::lost);
        assertThat(slots.get(9).sequence()).isEqualTo(4);
    }

    @Test
    void duplicatesAreDroppedAndCounted() {
        buffer.insert(packet(7, 0, true), 0);
        buffer.insert(packet(7, 0, true), 1 * MS);

        assertThat(drain(200 * MS)).hasSize(1);
        assertThat(buffer.duplicates()).isEqualTo(1);
    }

    private List<PlayoutSlot> drain(long now) {
        List<PlayoutSlot> slots = new ArrayList<>();
        for (PlayoutSlot slot = buffer.poll(now); slot != null; slot = buffer.poll(now)) {
            slots.add(slot);
        }
        return slots;
    }

    private static RtpPacket packet(int sequence, long timestamp, boolean marker) {
        return new RtpPacket(marker, 0, sequence, timestamp, 0x5EL, new byte[160]);
    }
}
