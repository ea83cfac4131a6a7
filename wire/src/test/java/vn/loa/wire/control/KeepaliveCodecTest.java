package vn.loa.wire.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtcpReceiverReport;
import vn.loa.wire.rtp.RtcpReportBlock;
import vn.loa.wire.rtp.RtpPacketCodec;

class KeepaliveCodecTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aKeepaliveAndItsAnswerSurviveTheRoundTrip() {
        Keepalive sent = new Keepalive(false, "loa-thon-dong-3", 41, 1_796_000_000_123L);

        byte[] wire = KeepaliveCodec.encode(sent, KEY);

        assertThat(KeepaliveCodec.decode(wire, id -> Optional.of(KEY))).isEqualTo(sent);
        assertThat(KeepaliveCodec.decode(KeepaliveCodec.encode(sent.answered(), KEY), id -> Optional.of(KEY)))
                .isEqualTo(new Keepalive(true, "loa-thon-dong-3", 41, 1_796_000_000_123L));
    }

    @Test
    void itIsAnRtcpAppPacketOfWholeWordsThatRtpDemultiplexingTellsApart() {
        byte[] wire = KeepaliveCodec.encode(new Keepalive(false, "nút-Đông", 1, 0), KEY);

        assertThat(wire.length % 4).isZero();
        assertThat(wire[1] & 0xFF).isEqualTo(204);
        assertThat(((wire[2] & 0xFF) << 8 | wire[3] & 0xFF) + 1).isEqualTo(wire.length / 4);
        assertThat(KeepaliveCodec.looksLikeKeepalive(wire)).isTrue();
        byte[] rtp = RtpPacketCodec.encode(new vn.loa.wire.rtp.RtpPacket(false, 0, 1, 160, 0xCAFE, new byte[160]));
        assertThat(KeepaliveCodec.looksLikeKeepalive(rtp)).isFalse();
    }

    @Test
    void aReceiverReportRidesFirstInTheSignedCompoundPacket() {
        RtcpReceiverReport heard = new RtcpReceiverReport(0xA6E47L,
                List.of(new RtcpReportBlock(0x5EL, 13, 52, 70_123, 96, 0, 0)));
        Keepalive sent = new Keepalive(false, "loa-4g", 7, 1_796_000_000_000L, heard);

        byte[] wire = KeepaliveCodec.encode(sent, KEY);

        assertThat(wire[1] & 0xFF).isEqualTo(201); // RFC 3550 §6.1: a compound packet starts with the report
        assertThat(wire[32 + 1] & 0xFF).isEqualTo(204);
        assertThat(KeepaliveCodec.looksLikeKeepalive(wire)).isTrue();
        assertThat(KeepaliveCodec.decode(wire, id -> Optional.of(KEY))).isEqualTo(sent);
    }

    @Test
    void aReceiverReportChangedOnTheWayIsRefused() {
        RtcpReceiverReport heard = new RtcpReceiverReport(1, List.of(new RtcpReportBlock(2, 128, 900, 5000, 40, 0, 0)));
        byte[] wire = KeepaliveCodec.encode(new Keepalive(false, "loa-4g", 8, 0, heard), KEY);
        wire[12] = 0; // the fraction lost: a link painted better than it is

        assertThatThrownBy(() -> KeepaliveCodec.decode(wire, id -> Optional.of(KEY)))
                .isInstanceOf(MalformedControlMessage.class).hasMessageContaining("signature");
    }

    @Test
    void aKeepaliveSignedWithAnotherKeyIsRefused() {
        byte[] forged = KeepaliveCodec.encode(new Keepalive(false, "loa-1", 7, 0), OTHER_KEY);

        assertThatThrownBy(() -> KeepaliveCodec.decode(forged, id -> Optional.of(KEY)))
                .isInstanceOf(MalformedControlMessage.class).hasMessageContaining("signature");
    }

    @Test
    void aKeepaliveWhoseCounterWasChangedIsRefused() {
        byte[] wire = KeepaliveCodec.encode(new Keepalive(false, "loa-1", 7, 0), KEY);
        wire[19]++;

        assertThatThrownBy(() -> KeepaliveCodec.decode(wire, id -> Optional.of(KEY)))
                .isInstanceOf(MalformedControlMessage.class);
    }

    @Test
    void aKeepaliveOfANodeWithoutASessionIsRefused() {
        byte[] wire = KeepaliveCodec.encode(new Keepalive(false, "loa-1", 7, 0), KEY);

        assertThatThrownBy(() -> KeepaliveCodec.decode(wire, id -> Optional.empty()))
                .isInstanceOf(MalformedControlMessage.class);
    }

    @Test
    void truncatedAndGarbledDatagramsAreRefusedNeverThrownAsSomethingElse() {
        byte[] wire = KeepaliveCodec.encode(new Keepalive(false, "loa-1", 7, 0), KEY);
        for (int cut = 0; cut < wire.length; cut++) {
            byte[] shorter = java.util.Arrays.copyOf(wire, cut);
            assertThatThrownBy(() -> KeepaliveCodec.decode(shorter, id -> Optional.of(KEY)))
                    .isInstanceOf(MalformedControlMessage.class);
        }
        for (int at = 2; at < 32; at++) {
            byte[] garbled = wire.clone();
            garbled[at] = (byte) 0xFF;
            assertThatThrownBy(() -> KeepaliveCodec.decode(garbled, id -> Optional.of(KEY)))
                    .isInstanceOf(MalformedControlMessage.class);
        }
    }
}
