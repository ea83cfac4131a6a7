package vn.loa.display.ddp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one frame of RGB bytes into DDP packets: {@link DdpPacket#MAX_DATA} bytes each (whole pixels), the byte
 * offset of each in its header, and the push flag on the last only, so the controller shows the frame once it has
 * all of it. Pure: bytes in, packets out.
 */
public final class DdpPacketizer {

    private DdpPacketizer() {
    }

    /** Packets needed for a frame of {@code frameBytes}. */
    public static int packetCount(int frameBytes) {
        return Math.max(1, (frameBytes + DdpPacket.MAX_DATA - 1) / DdpPacket.MAX_DATA);
    }

    /**
     * Writes packet {@code index} of the frame into {@code out} (cleared first; ready to send when this returns).
     *
     * @param sequence 1-15, the same for every packet of a frame (0 would mean "not used")
     */
    public static void packet(byte[] rgb, int index, int sequence, ByteBuffer out) {
        int offset = index * DdpPacket.MAX_DATA;
        int length = Math.min(DdpPacket.MAX_DATA, rgb.length - offset);
        boolean last = offset + length >= rgb.length;
        out.clear();
        out.put((byte) (DdpPacket.VERSION_1 | (last ? DdpPacket.FLAG_PUSH : 0)));
        out.put((byte) (sequence & 0x0f));
        out.put((byte) DdpPacket.TYPE_RGB24);
        out.put((byte) DdpPacket.DESTINATION_DISPLAY);
        out.putInt(offset);
        out.putShort((short) length);
        out.put(rgb, offset, length);
        out.flip();
    }

    /** Every packet of a frame, each its own buffer (for tests and one-off sends; the sender reuses one buffer). */
    public static List<ByteBuffer> packets(byte[] rgb, int sequence) {
        List<ByteBuffer> packets = new ArrayList<>();
        for (int i = 0; i < packetCount(rgb.length); i++) {
            ByteBuffer b = ByteBuffer.allocate(DdpPacket.HEADER_LENGTH + DdpPacket.MAX_DATA);
            packet(rgb, i, sequence, b);
            packets.add(b);
        }
        return packets;
    }
}
