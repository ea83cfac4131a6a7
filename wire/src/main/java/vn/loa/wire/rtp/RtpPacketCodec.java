package vn.loa.wire.rtp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts RTP packets to and from their wire form (RFC 3550 §5.1).
 *
 * <p>Stateless and thread-safe: bytes in, packets out. Decoding never trusts the lengths it reads and throws
 * {@link MalformedPacketException} for anything that does not fit.
 */
public final class RtpPacketCodec {

    private RtpPacketCodec() {
    }

    /** The packet's wire form in a new array. */
    public static byte[] encode(RtpPacket packet) {
        ByteBuffer out = ByteBuffer.allocate(packet.encodedLength());
        encode(packet, out);
        return out.array();
    }

    /** Writes the packet's wire form at the buffer's position and advances it. */
    public static void encode(RtpPacket packet, ByteBuffer out) {
        int padding = packet.paddingLength();
        int first = (RtpPacket.VERSION << 6)
                | (padding > 0 ? 0x20 : 0)
                | (packet.hasExtension() ? 0x10 : 0)
                | packet.csrcs().size();
        out.put((byte) first);
        out.put((byte) ((packet.marker() ? 0x80 : 0) | packet.payloadType()));
        out.putShort((short) packet.sequenceNumber());
        out.putInt((int) packet.timestamp());
        out.putInt((int) packet.ssrc());
        for (long csrc : packet.csrcs()) {
            out.putInt((int) csrc);
        }
        if (packet.hasExtension()) {
            RtpHeaderExtension extension = packet.extension();
            out.putShort((short) extension.profile());
            out.putShort((short) (extension.data().length / 4));
            out.put(extension.data());
        }
        out.put(packet.payload());
        if (padding > 0) {
            // The last padding octet counts the padding, itself included (§5.1, P bit).
            out.put(new byte[padding - 1]);
            out.put((byte) padding);
        }
    }

    /** Decodes a whole array. */
    public static RtpPacket decode(byte[] data) {
        return decode(data, 0, data.length);
    }

    /** Decodes {@code length} bytes from {@code offset}; the payload is copied out of {@code data}. */
    public static RtpPacket decode(byte[] data, int offset, int length) {
        if (length < RtpPacket.FIXED_HEADER_LENGTH) {
            throw new MalformedPacketException("shorter than an RTP header: " + length + " B");
        }
        ByteBuffer in = ByteBuffer.wrap(data, offset, length);
        try {
            int first = in.get() & 0xFF;
            int version = first >>> 6;
            if (version != RtpPacket.VERSION) {
                throw new MalformedPacketException("RTP version " + version + " is not 2");
            }
            boolean padded = (first & 0x20) != 0;
            boolean extended = (first & 0x10) != 0;
            int csrcCount = first & 0x0F;
            int second = in.get() & 0xFF;
            int sequence = in.getShort() & 0xFFFF;
            long timestamp = in.getInt() & 0xFFFF_FFFFL;
            long ssrc = in.getInt() & 0xFFFF_FFFFL;
            List<Long> csrcs = new ArrayList<>(csrcCount);
            for (int i = 0; i < csrcCount; i++) {
                csrcs.add(in.getInt() & 0xFFFF_FFFFL);
            }
            RtpHeaderExtension extension = null;
            if (extended) {
                int profile = in.getShort() & 0xFFFF;
                byte[] words = new byte[(in.getShort() & 0xFFFF) * 4];
                in.get(words);
                extension = new RtpHeaderExtension(profile, words);
            }
            int paddingLength = 0;
            if (padded) {
                paddingLength = data[offset + length - 1] & 0xFF;
                if (paddingLength == 0 || paddingLength > in.remaining()) {
                    throw new MalformedPacketException("padding count " + paddingLength + " does not fit");
                }
            }
            byte[] payload = new byte[in.remaining() - paddingLength];
            in.get(payload);
            return new RtpPacket((second & 0x80) != 0, second & 0x7F, sequence, timestamp, ssrc, csrcs, extension,
                    payload, paddingLength);
        } catch (BufferUnderflowException e) {
            throw new MalformedPacketException("header fields run past the end of a " + length + " B packet");
        }
    }
}
