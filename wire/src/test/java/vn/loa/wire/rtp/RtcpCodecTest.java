package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.wire.rtp.Bytes.hex;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpCodecTest {

    /** V=2, RC=0, PT=200, length 6; SSRC; NTP 0xe1234567.8; RTP ts 160000; 1000 packets; 160000 octets. */
    private static final byte[] SENDER_REPORT = hex("""
            80 c8 0006 deadbeef
            e1234567 80000000
            00027100 000003e8 00027100
            """);

    private static final byte[] SENDER_REPORT_WITH_BLOCK = hex("""
            81 c8 000c deadbeef
            e1234567 80000000
            00027100 000003e8 00027100
            01020304 40ffffff 00010005 00000020 45678000 00010000
            """);

    private static final RtcpSenderReport REPORT = new RtcpSenderReport(0xDEADBEEFL,
            new NtpTimestamp(0xE1234567L, 0x8000_0000L), 160_000, 1000, 160_000);

    @Test
    void aSenderReportEncodesToTheRfcLayout() {
        assertThat(RtcpCodec.encode(REPORT)).isEqualTo(SENDER_REPORT);
    }

    @Test
    void aSenderReportDecodesFromHandBuiltBytes() {
        assertThat(RtcpCodec.decodeSenderReport(SENDER_REPORT)).isEqualTo(REPORT);
    }

    @Test
    void aReportBlockWithNegativeCumulativeLossRoundTrips() {
        RtcpReportBlock block = new RtcpReportBlock(0x01020304L, 0x40, -1, 0x10005, 32, 0x45678000L, 0x10000);
        RtcpSenderReport report = new RtcpSenderReport(REPORT.ssrc(), REPORT.ntpTime(), REPORT.rtpTimestamp(),
                REPORT.packetCount(), REPORT.octetCount(), List.of(block));

        assertThat(RtcpCodec.encode(report)).isEqualTo(SENDER_REPORT_WITH_BLOCK);
        assertThat(RtcpCodec.decodeSenderReport(SENDER_REPORT_WITH_BLOCK)).isEqualTo(report);
    }

    @Test
    void aCnameIsNullTerminatedAndPaddedToAWordBoundary() {
        // "loa" makes a 9-octet chunk (SSRC, type, length, 3 octets): padded to 12 with nulls, length word = 3.
        assertThat(RtcpCodec.encodeCname(0xDEADBEEFL, "loa")).isEqualTo(hex("81 ca 0003 deadbeef 01 03 6c6f61 000000"));
        // A chunk that already ends on a boundary still needs one null octet: a whole word of nulls follows.
        assertThat(RtcpCodec.encodeCname(1, "zo")).isEqualTo(hex("81 ca 0003 00000001 01 02 7a6f 00000000"));
    }

    @Test
    void aCompoundPacketStartsWithTheSenderReportThenTheSourceDescription() {
        byte[] compound = RtcpCodec.encodeCompound(REPORT, "loa");

        assertThat(Arrays.copyOf(compound, SENDER_REPORT.length)).isEqualTo(SENDER_REPORT);
        assertThat(compound[SENDER_REPORT.length + 1] & 0xFF).isEqualTo(202);
        assertThat(compound.length % 4).isZero();
    }

    @Test
    void aReceiverReportFromANodeRoundTripsThroughTheRfcLayout() {
        byte[] wire = hex("81 c9 0007 0000abcd 01020304 40ffffff 00010005 00000020 45678000 00010000");
        RtcpReceiverReport report = new RtcpReceiverReport(0xABCDL,
                List.of(new RtcpReportBlock(0x01020304L, 0x40, -1, 0x10005, 32, 0x45678000L, 0x10000)));

        assertThat(RtcpCodec.encode(report)).isEqualTo(wire);
        assertThat(RtcpCodec.decodeReceiverReport(wire)).isEqualTo(report);
    }

    @Test
    void aReceiverReportIsNotTakenForASenderReport() {
        assertThatThrownBy(() -> RtcpCodec.decodeSenderReport(hex("80 c9 0006 " + "00".repeat(24))))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aBlockCountLargerThanThePacketIsRejected() {
        byte[] lying = SENDER_REPORT.clone();
        lying[0] = (byte) 0x82;
        assertThatThrownBy(() -> RtcpCodec.decodeSenderReport(lying)).isInstanceOf(MalformedPacketException.class);
    }
}
