package vn.loa.display.ddp;

import java.nio.ByteBuffer;

/**
 * One DDP packet, as 3waylabs' specification and WLED define it: a 10-byte header (flags {@code 01xxTSRQP}: version 1,
 * push on the last packet of a frame; a 4-bit sequence number; the data type, 0x0B for 8-bit RGB; the destination,
 * 1 for the display; the data's byte offset in the frame, 32 bits big-endian; its length, 16 bits), then the data.
 */
public record DdpPacket(boolean push, int sequence, int dataType, int destination, int offset, byte[] data) {

    public static final int HEADER_LENGTH = 10;
    /** The largest data a packet carries: 480 RGB pixels, so a packet fits a 1500-byte Ethernet frame. */
    public static final int MAX_DATA = 1440;
    public static final int VERSION_1 = 0x40;
    public static final int FLAG_PUSH = 0x01;
    public static final int FLAG_TIMECODE = 0x10;
    public static final int TYPE_RGB24 = 0x0B;
    public static final int DESTINATION_DISPLAY = 1;

    /** Reads a packet's bytes; refuses anything that is not version 1 or is shorter than its header says. */
    public static DdpPacket decode(ByteBuffer in) {
        if (in.remaining() < HEADER_LENGTH) {
            throw new IllegalArgumentException("DDP packet shorter than its header: " + in.remaining() + " bytes");
        }
        int flags = in.get() & 0xff;
        if ((flags & 0xc0) != VERSION_1) {
            throw new IllegalArgumentException("not DDP version 1: flags 0x" + Integer.toHexString(flags));
        }
        int sequence = in.get() & 0x0f;
        int type = in.get() & 0xff;
        int destination = in.get() & 0xff;
        int offset = in.getInt();
        int length = in.getShort() & 0xffff;
        if ((flags & FLAG_TIMECODE) != 0) {
            in.getInt();
        }
        if (in.remaining() < length) {
            throw new IllegalArgumentException("DDP packet announces " + length + " data bytes, carries " + in.remaining());
        }
        byte[] data = new byte[length];
        in.get(data);
        return new DdpPacket((flags & FLAG_PUSH) != 0, sequence, type, destination, offset, data);
    }
}
