package vn.loa.wire.srtp;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/**
 * A packet's bytes as jitsi-srtp works on them in place: the protecting side appends the authentication tag (and the
 * SRTCP index), the unprotecting side strips them.
 *
 * <p>Not thread-safe; one per packet. Room for the tag is made up front, so protecting a packet copies it once.
 */
final class PacketBuffer implements ByteArrayBuffer {

    /** Room for an SRTCP index and an 80-bit tag, the most either side appends. */
    static final int TRAILER_ROOM = 4 + 10;

    private byte[] buffer;
    private int offset;
    private int length;

    private PacketBuffer(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
    }

    /** A copy of {@code length} bytes of {@code data} from {@code offset}, with room to append a trailer. */
    static PacketBuffer copyOf(byte[] data, int offset, int length) {
        byte[] copy = new byte[length + TRAILER_ROOM];
        System.arraycopy(data, offset, copy, 0, length);
        return new PacketBuffer(copy, 0, length);
    }

    /** The packet as it now stands, in an array of its own length. */
    byte[] toByteArray() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public byte[] getBuffer() {
        return buffer;
    }

    @Override
    public int getOffset() {
        return offset;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void setLength(int length) {
        if (length < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("length " + length + " does not fit the buffer");
        }
        this.length = length;
    }

    @Override
    public void setOffset(int offset) {
        if (offset < 0 || offset + length > buffer.length) {
            throw new IllegalArgumentException("offset " + offset + " does not fit the buffer");
        }
        this.offset = offset;
    }

    @Override
    public boolean isInvalid() {
        return buffer == null || offset < 0 || length < 0 || offset + length > buffer.length;
    }

    @Override
    public void readRegionToBuff(int from, int count, byte[] out) {
        System.arraycopy(buffer, offset + from, out, 0, count);
    }

    /** Makes room for {@code howMuch} more bytes after the packet; the length is unchanged, as jitsi-srtp expects. */
    @Override
    public void grow(int howMuch) {
        if (offset + length + howMuch > buffer.length) {
            buffer = Arrays.copyOfRange(buffer, offset, offset + length + howMuch);
            offset = 0;
        }
    }

    @Override
    public void append(byte[] data, int count) {
        grow(count);
        System.arraycopy(data, 0, buffer, offset + length, count);
        length += count;
    }

    @Override
    public void shrink(int count) {
        length = Math.max(0, length - count);
    }
}
