package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RtpPacketizerTest {

    private static final byte[] TWENTY_MS_PCMU = new byte[160];

    @Test
    void consecutivePacketsCountUpAndAdvanceByTheAudioTheyCarry() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 0xCAFEL, 100, 5000);

        RtpPacket first = packetizer.packetize(TWENTY_MS_PCMU, 160);
        RtpPacket second = packetizer.packetize(TWENTY_MS_PCMU, 160);

        assertThat(first.sequenceNumber()).isEqualTo(100);
        assertThat(first.timestamp()).isEqualTo(5000);
        assertThat(second.sequenceNumber()).isEqualTo(101);
        assertThat(second.timestamp()).isEqualTo(5160);
        assertThat(second.ssrc()).isEqualTo(first.ssrc()).isEqualTo(0xCAFEL);
    }

    @Test
    void onlyTheFirstPacketOfATalkSpurtCarriesTheMarker() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 0, 0);

        assertThat(packetizer.packetize(TWENTY_MS_PCMU, 160).marker()).isTrue();
        assertThat(packetizer.packetize(TWENTY_MS_PCMU, 160).marker()).isFalse();
        packetizer.startTalkSpurt();
        assertThat(packetizer.packetize(TWENTY_MS_PCMU, 160).marker()).isTrue();
        assertThat(packetizer.packetize(TWENTY_MS_PCMU, 160).marker()).isFalse();
    }

    @Test
    void aSilentGapAdvancesTheTimestampButNotTheSequenceAndMarksTheNextPacket() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 7, 0);
        packetizer.packetize(TWENTY_MS_PCMU, 160);

        packetizer.skip(8000);
        RtpPacket afterGap = packetizer.packetize(TWENTY_MS_PCMU, 160);

        assertThat(afterGap.sequenceNumber()).isEqualTo(8);
        assertThat(afterGap.timestamp()).isEqualTo(160 + 8000);
        assertThat(afterGap.marker()).isTrue();
    }

    @Test
    void sequenceAndTimestampWrapAroundTheirFieldWidths() {
        RtpPacketizer packetizer = new RtpPacketizer(0, 1, 65535, 0xFFFF_FFFFL - 99);

        packetizer.packetize(TWENTY_MS_PCMU, 160);
        RtpPacket wrapped = packetizer.packetize(TWENTY_MS_PCMU, 160);

        assertThat(wrapped.sequenceNumber()).isZero();
        assertThat(wrapped.timestamp()).isEqualTo(60);
    }

    @Test
    void itCountsPacketsAndPayloadOctetsForSenderReports() {
        RtpPacketizer packetizer = RtpPacketizer.withRandomStart(8, new SplittableRandom(1));
        for (int i = 0; i < 50; i++) {
            packetizer.packetize(TWENTY_MS_PCMU, 160);
        }

        assertThat(packetizer.packetCount()).isEqualTo(50);
        assertThat(packetizer.octetCount()).isEqualTo(50 * 160);
        assertThat(packetizer.payloadType()).isEqualTo(8);
    }
}
