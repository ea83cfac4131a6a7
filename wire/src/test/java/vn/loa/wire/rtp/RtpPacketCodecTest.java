package vn.loa.wire.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.wire.rtp.Bytes.hex;

import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketCodecTest {

    /** V=2, no padding, no extension, no CSRC; M=1, PT=0 (PCMU); seq 0x1234; ts 1000; SSRC 0xDEADBEEF; 3 B payload. */
    private static final byte[] PLAIN = hex("80 80 1234 000003e8 deadbeef 010203");

    /** V=2, P=1, X=1, CC=2; M=1, PT=96; seq 65535; ts 2^32-1; two CSRCs; a one-word extension; 2 B payload; 2 B pad. */
    private static final byte[] EVERYTHING = hex("""
            b2 e0 ffff ffffffff 01020304
            0a0b0c0d 11121314
            bede 0001 10aa0000
            5566
            0002
            """);

    @Test
    void aPlainPacketDecodesFromHandBuiltBytes() {
        RtpPacket packet = RtpPacketCodec.decode(PLAIN);

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isZero();
        assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
        assertThat(packet.timestamp()).isEqualTo(1000);
        assertThat(packet.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(packet.csrcs()).isEmpty();
        assertThat(packet.hasExtension()).isFalse();
        assertThat(packet.payload()).containsExactly(1, 2, 3);
    }

    @Test
    void aPlainPacketEncodesToTheSameBytes() {
        RtpPacket packet = new RtpPacket(true, 0, 0x1234, 1000, 0xDEADBEEFL, new byte[] {1, 2, 3});

        assertThat(RtpPacketCodec.encode(packet)).isEqualTo(PLAIN);
    }

    @Test
    void everyHeaderFieldDecodesAtItsLimits() {
        RtpPacket packet = RtpPacketCodec.decode(EVERYTHING);

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequenceNumber()).isEqualTo(65535);
        assertThat(packet.timestamp()).isEqualTo(0xFFFF_FFFFL);
        assertThat(packet.ssrc()).isEqualTo(0x01020304L);
        assertThat(packet.csrcs()).containsExactly(0x0A0B0C0DL, 0x11121314L);
        assertThat(packet.extension().profile()).isEqualTo(0xBEDE);
        assertThat(packet.extension().data()).isEqualTo(hex("10aa0000"));
        assertThat(packet.payload()).isEqualTo(hex("5566"));
        assertThat(packet.paddingLength()).isEqualTo(2);
    }

    @Test
    void everyHeaderFieldEncodesBackToTheSameBytes() {
        RtpPacket packet = new RtpPacket(true, 96, 65535, 0xFFFF_FFFFL, 0x01020304L,
                List.of(0x0A0B0C0DL, 0x11121314L), new RtpHeaderExtension(0xBEDE, hex("10aa0000")),
                hex("5566"), 2);

        assertThat(RtpPacketCodec.encode(packet)).isEqualTo(EVERYTHING);
        assertThat(RtpPacketCodec.decode(RtpPacketCodec.encode(packet))).isEqualTo(packet);
    }

    @Test
    void aPacketInsideALargerBufferDecodesFromItsOffset() {
        byte[] buffer = new byte[PLAIN.length + 10];
        System.arraycopy(PLAIN, 0, buffer, 4, PLAIN.length);

        assertThat(RtpPacketCodec.decode(buffer, 4, PLAIN.length)).isEqualTo(RtpPacketCodec.decode(PLAIN));
    }

    @Test
    void bytesShorterThanAHeaderAreRejected() {
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex("80 00 0001")))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aVersionOtherThanTwoIsRejected() {
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex("40 00 0001 00000000 00000000")))
                .isInstanceOf(MalformedPacketException.class)
                .hasMessageContaining("version 1");
    }

    @Test
    void csrcsThatRunPastTheEndAreRejected() {
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex("8f 00 0001 00000000 00000000 00000001")))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void anExtensionLongerThanThePacketIsRejected() {
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex("90 00 0001 00000000 00000000 bede 00ff")))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aPaddingCountLargerThanThePayloadIsRejected() {
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex("a0 00 0001 00000000 00000000 01 09")))
                .isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex("a0 00 0001 00000000 00000000 01 00")))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void outOfRangeHeaderFieldsCannotBeBuilt() {
        assertThatThrownBy(() -> new RtpPacket(false, 128, 0, 0, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacket(false, 0, 65536, 0, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 1L << 32, 0, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
