package vn.loa.wire.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.NtpTimestamp;
import vn.loa.wire.rtp.RtcpCodec;
import vn.loa.wire.rtp.RtcpSenderReport;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;
import vn.loa.wire.rtp.RtpPacketizer;

class SrtpReceiverTest {

    private static final long SSRC = 0x1A2B3C4DL;

    private final SrtpMasterKey key = SrtpMasterKey.generate();
    private final SrtpSender sender = new SrtpSender(key);
    private final SrtpReceiver node = new SrtpReceiver(key);

    @Test
    void aNodeAgentDecryptsEveryPacketOfAStreamToThePayloadLoaSent() throws Exception {
        RtpPacketizer packetizer = new RtpPacketizer(0, SSRC, 1000, 90_000);
        Random noise = new Random(7);
        for (int i = 0; i < 500; i++) {
            byte[] payload = new byte[160];
            noise.nextBytes(payload);
            RtpPacket sent = packetizer.packetize(payload, 160);

            byte[] srtp = sender.protect(sent);
            RtpPacket heard = RtpPacketCodec.decode(node.unprotect(srtp));

            assertThat(srtp).hasSize(sent.encodedLength() + 10);
            assertThat(heard).isEqualTo(sent);
        }
        assertThat(node.accepted()).isEqualTo(500);
    }

    @Test
    void thePayloadIsEncryptedAndTheHeaderLeftReadable() {
        RtpPacket sent = new RtpPacketizer(0, SSRC, 1, 0).packetize(new byte[160], 160);

        byte[] srtp = sender.protect(sent);

        byte[] plain = RtpPacketCodec.encode(sent);
        assertThat(Arrays.copyOf(srtp, 12)).isEqualTo(Arrays.copyOf(plain, 12));
        assertThat(Arrays.copyOfRange(srtp, 12, 172)).isNotEqualTo(new byte[160]);
    }

    @Test
    void aPacketWithOneFlippedBitIsRejectedByAuthentication() throws Exception {
        List<byte[]> stream = protectedStream(3, 1);
        node.unprotect(stream.get(0));
        byte[] tampered = stream.get(1).clone();
        tampered[40] ^= 0x04; // one bit of the encrypted speech

        assertRejected(tampered, SrtpFailure.AUTHENTICATION);
        assertThat(node.unprotect(stream.get(2))).as("the stream goes on").isNotEmpty();
        assertThat(node.rejected(SrtpFailure.AUTHENTICATION)).isEqualTo(1);
    }

    @Test
    void aReplayedPacketIsRejected() throws Exception {
        List<byte[]> stream = protectedStream(5, 1);
        for (byte[] packet : stream) {
            node.unprotect(packet);
        }

        assertRejected(stream.get(2), SrtpFailure.REPLAY);
        assertThat(node.rejected(SrtpFailure.REPLAY)).isEqualTo(1);
        assertThat(node.accepted()).isEqualTo(5);
    }

    @Test
    void aPacketProtectedWithAnotherKeyIsRejected() throws Exception {
        node.unprotect(protectedStream(1, 1).get(0));
        SrtpSender stranger = new SrtpSender(SrtpMasterKey.generate());
        byte[] foreign = stranger.protect(new RtpPacketizer(0, SSRC, 2, 160).packetize(new byte[160], 160));

        assertRejected(foreign, SrtpFailure.AUTHENTICATION);
    }

    @Test
    void aPacketFromAnUnknownSourceWithAnotherKeyLeavesNothingBehind() throws Exception {
        SrtpSender stranger = new SrtpSender(SrtpMasterKey.generate());
        byte[] foreign = stranger.protect(new RtpPacketizer(0, 0xBADL, 2, 160).packetize(new byte[160], 160));

        assertRejected(foreign, SrtpFailure.AUTHENTICATION);
        assertThat(node.unprotect(protectedStream(1, 1).get(0))).isNotEmpty();
    }

    @Test
    void theStreamStillDecryptsAfterTheSequenceNumberWrapsPast65535() throws Exception {
        List<byte[]> stream = protectedStream(40, 65_520);
        for (byte[] packet : stream) {
            RtpPacket heard = RtpPacketCodec.decode(node.unprotect(packet));
            assertThat(heard.payload()).containsOnly((byte) (heard.sequenceNumber() & 0x7F));
        }
        assertThat(sender.rolloverCounter(SSRC)).isEqualTo(1);
        assertThat(node.accepted()).isEqualTo(40);
    }

    @Test
    void aNodeJoiningAfterTheWrapDecryptsWithTheRolloverCounterTheServerGaveIt() throws Exception {
        List<byte[]> stream = protectedStream(40, 65_520);
        SrtpReceiver late = new SrtpReceiver(key);
        late.expect(sender.position(SSRC));
        SrtpReceiver unaware = new SrtpReceiver(key);

        assertThat(late.unprotect(stream.get(30))).isNotEmpty();
        assertThatThrownBy(() -> unaware.unprotect(stream.get(30))).isInstanceOf(SrtpRejectedException.class);
    }

    @Test
    void aNodeToldThePositionJustBeforeTheWrapDecryptsTheFirstPacketsAfterIt() throws Exception {
        List<byte[]> before = protectedStream(10, 65_520); // up to 65,529, counter 0
        StreamRollover told = sender.position(SSRC);
        List<byte[]> after = protectedStream(20, 65_530); // 65,530 .. 65,535, then 0 .. 13 on counter 1
        SrtpReceiver late = new SrtpReceiver(key);
        late.expect(told);

        assertThat(told).isEqualTo(new StreamRollover(SSRC, 0, 65_529));
        // Its first packet comes after the wrap: sequence 2 belongs to counter 1, not 0.
        assertThat(RtpPacketCodec.decode(late.unprotect(after.get(8))).sequenceNumber()).isEqualTo(2);
        assertThat(late.unprotect(after.get(9))).isNotEmpty();
        assertThat(before).hasSize(10);
    }

    @Test
    void theRolloverCounterOfAPacketIsEstimatedFromTheLastPositionAsRfc3711Says() {
        StreamRollover nearEnd = new StreamRollover(SSRC, 4, 65_500);
        StreamRollover nearStart = new StreamRollover(SSRC, 4, 20);

        assertThat(nearEnd.rolloverCounterOf(65_510)).isEqualTo(4);
        assertThat(nearEnd.rolloverCounterOf(3)).isEqualTo(5);
        assertThat(nearStart.rolloverCounterOf(25)).isEqualTo(4);
        assertThat(nearStart.rolloverCounterOf(65_530)).isEqualTo(3); // a late packet from before the wrap
        assertThat(new StreamRollover(SSRC, 0, -1).rolloverCounterOf(65_530)).isZero();
    }

    @Test
    void senderReportsRoundTripAsSrtcp() throws Exception {
        RtcpSenderReport report = new RtcpSenderReport(SSRC, NtpTimestamp.of(Instant.parse("2026-11-28T01:00:00Z")),
                77_000, 250, 40_000, List.of());
        byte[] rtcp = RtcpCodec.encodeCompound(report, "loa@test");

        for (int i = 0; i < 3; i++) {
            byte[] srtcp = sender.protectControl(rtcp);
            assertThat(srtcp).hasSize(rtcp.length + 4 + 10);
            assertThat(node.unprotectControl(srtcp)).isEqualTo(rtcp);
        }
        byte[] again = sender.protectControl(rtcp);
        node.unprotectControl(again);
        assertThatThrownBy(() -> node.unprotectControl(again)).isInstanceOf(SrtpRejectedException.class)
                .extracting(e -> ((SrtpRejectedException) e).failure()).isEqualTo(SrtpFailure.REPLAY);
    }

    @Test
    void garbageFromTheNetworkIsRejectedAsMalformedNotACrash() {
        Random noise = new Random(3);
        assertRejected(new byte[5], SrtpFailure.MALFORMED);
        assertRejected(new byte[40], SrtpFailure.MALFORMED); // version 0
        for (int i = 0; i < 200; i++) {
            byte[] junk = new byte[12 + noise.nextInt(200)];
            noise.nextBytes(junk);
            junk[0] = (byte) (0x80 | (junk[0] & 0x3F)); // version 2, any CSRC count and extension bit
            assertThatThrownBy(() -> node.unprotect(junk)).isInstanceOf(SrtpRejectedException.class);
        }
        assertThatThrownBy(() -> node.unprotectControl(new byte[9])).isInstanceOf(SrtpRejectedException.class);
        assertThat(node.accepted()).isZero();
    }

    @Test
    void afterAKeyChangeTheOldReceiverRejectsAndTheOldSenderRefuses() throws Exception {
        List<byte[]> stream = protectedStream(2, 1);
        node.unprotect(stream.get(0));

        node.close();
        sender.close();

        assertRejected(stream.get(1), SrtpFailure.CIPHER);
        assertThatThrownBy(() -> sender.protect(new RtpPacketizer(0, SSRC, 3, 0).packetize(new byte[160], 160)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** {@code count} protected PCMU packets from {@code firstSequence}, each payload filled with its sequence. */
    private List<byte[]> protectedStream(int count, int firstSequence) {
        RtpPacketizer packetizer = new RtpPacketizer(0, SSRC, firstSequence, 0);
        List<byte[]> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] payload = new byte[160];
            Arrays.fill(payload, (byte) ((firstSequence + i) & 0x7F));
            packets.add(sender.protect(packetizer.packetize(payload, 160)));
        }
        return packets;
    }

    private void assertRejected(byte[] srtp, SrtpFailure failure) {
        assertThatThrownBy(() -> node.unprotect(srtp)).isInstanceOf(SrtpRejectedException.class)
                .extracting(e -> ((SrtpRejectedException) e).failure()).isEqualTo(failure);
    }
}
