package vn.loa.display.ddp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class DdpPacketizerTest {

    @Test
    void aFrameIsSplitInto1440ByteChunksWithOffsetsAndThePushFlagOnTheLastOnly() {
        byte[] rgb = new byte[256 * 128 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7);
        }
        List<ByteBuffer> packets = DdpPacketizer.packets(rgb, 5);
        assertThat(packets).hasSize(69);
        byte[] back = new byte[rgb.length];
        for (int i = 0; i < packets.size(); i++) {
            ByteBuffer raw = packets.get(i);
            assertThat(raw.get(0) & 0xff).isEqualTo(i == 68 ? 0x41 : 0x40);
            assertThat(raw.get(2)).isEqualTo((byte) 0x0B);
            assertThat(raw.get(3)).isEqualTo((byte) 1);
            DdpPacket p = DdpPacket.decode(raw.duplicate());
            assertThat(p.sequence()).isEqualTo(5);
            assertThat(p.offset()).isEqualTo(i * 1440);
            assertThat(p.data().length).isEqualTo(i == 68 ? rgb.length - 68 * 1440 : 1440);
            System.arraycopy(p.data(), 0, back, p.offset(), p.data().length);
        }
        assertThat(back).isEqualTo(rgb);
    }

    @Test
    void theHeaderIsBigEndian() {
        ByteBuffer b = DdpPacketizer.packets(new byte[3000], 1).get(2);
        assertThat(b.limit()).isEqualTo(10 + 120);
        assertThat(new byte[] {b.get(4), b.get(5), b.get(6), b.get(7), b.get(8), b.get(9)})
                .containsExactly(0, 0, 0x0b, 0x40, 0, 120);
    }

    @Test
    void aPacketShorterThanItsHeaderSaysIsRefused() {
        ByteBuffer b = DdpPacketizer.packets(new byte[100], 1).get(0);
        b.limit(b.limit() - 1);
        assertThatThrownBy(() -> DdpPacket.decode(b)).isInstanceOf(IllegalArgumentException.class);
    }
}
