package vn.loa.wire.rtp;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts RTCP sender and receiver reports and source descriptions to and from their wire form (RFC 3550 §6.4,
 * §6.5).
 *
 * <p>Stateless and thread-safe. Loa sends a compound packet of SR then SDES with a CNAME, the smallest compound
 * packet §6.1 allows.
 */
public final class RtcpCodec {

    private static final int SDES = 202;
    private static final int CNAME = 1;

    private RtcpCodec() {
    }

    /** The sender report's wire form. */
    public static byte[] encode(RtcpSenderReport report) {
        int words = 7 + 6 * report.reports().size();
        ByteBuffer out = ByteBuffer.allocate(4 * words);
        out.put((byte) (0x80 | report.reports().size()));
        out.put((byte) RtcpSenderReport.PACKET_TYPE);
        out.putShort((short) (words - 1)); // length in 32-bit words minus one, header included
        out.putInt((int) report.ssrc());
        out.putLong(report.ntpTime().toBits());
        out.putInt((int) report.rtpTimestamp());
        out.putInt((int) report.packetCount());
        out.putInt((int) report.octetCount());
        report.reports().forEach(block -> putBlock(out, block));
        return out.array();
    }

    /** The receiver report's wire form. */
    public static byte[] encode(RtcpReceiverReport report) {
        int words = 2 + 6 * report.reports().size();
        ByteBuffer out = ByteBuffer.allocate(4 * words);
        out.put((byte) (0x80 | report.reports().size()));
        out.put((byte) RtcpReceiverReport.PACKET_TYPE);
        out.putShort((short) (words - 1));
        out.putInt((int) report.ssrc());
        report.reports().forEach(block -> putBlock(out, block));
        return out.array();
    }

    /** Decodes the receiver report at the start of {@code data} (the first packet of a compound packet). */
    public static RtcpReceiverReport decodeReceiverReport(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            int count = header(in, data.length, RtcpReceiverReport.PACKET_TYPE, 8);
            long ssrc = in.getInt() & 0xFFFF_FFFFL;
            List<RtcpReportBlock> blocks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                blocks.add(getBlock(in));
            }
            return new RtcpReceiverReport(ssrc, blocks);
        } catch (BufferUnderflowException e) {
            throw new MalformedPacketException("receiver report runs past the end of " + data.length + " B");
        }
    }

    /** A source description packet with one chunk holding one CNAME item. */
    public static byte[] encodeCname(long ssrc, String cname) {
        byte[] text = cname.getBytes(StandardCharsets.UTF_8);
        if (text.length > 255) {
            throw new IllegalArgumentException("CNAME longer than 255 octets");
        }
        // SSRC, type, length, text, then at least one null octet ending the item list, up to a 32-bit boundary.
        int chunk = 4 + 2 + text.length;
        int padded = (chunk / 4 + 1) * 4;
        ByteBuffer out = ByteBuffer.allocate(4 + padded);
        out.put((byte) 0x81);
        out.put((byte) SDES);
        out.putShort((short) (padded / 4));
        out.putInt((int) ssrc);
        out.put((byte) CNAME);
        out.put((byte) text.length);
        out.put(text);
        return out.array(); // the rest is already zero
    }

    /** A compound RTCP packet: the sender report followed by the sender's CNAME. */
    public static byte[] encodeCompound(RtcpSenderReport report, String cname) {
        byte[] sr = encode(report);
        byte[] sdes = encodeCname(report.ssrc(), cname);
        byte[] both = new byte[sr.length + sdes.length];
        System.arraycopy(sr, 0, both, 0, sr.length);
        System.arraycopy(sdes, 0, both, sr.length, sdes.length);
        return both;
    }

    /** Decodes the sender report at the start of {@code data} (the first packet of a compound packet). */
    public static RtcpSenderReport decodeSenderReport(byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        try {
            int count = header(in, data.length, RtcpSenderReport.PACKET_TYPE, 28);
            long ssrc = in.getInt() & 0xFFFF_FFFFL;
            NtpTimestamp ntp = NtpTimestamp.fromBits(in.getLong());
            long rtp = in.getInt() & 0xFFFF_FFFFL;
            long packets = in.getInt() & 0xFFFF_FFFFL;
            long octets = in.getInt() & 0xFFFF_FFFFL;
            List<RtcpReportBlock> blocks = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                blocks.add(getBlock(in));
            }
            return new RtcpSenderReport(ssrc, ntp, rtp, packets, octets, blocks);
        } catch (BufferUnderflowException e) {
            throw new MalformedPacketException("sender report runs past the end of " + data.length + " B");
        }
    }

    /** Checks version, type and length of the packet at the buffer's start; returns its report count. */
    private static int header(ByteBuffer in, int available, int expectedType, int fixedLength) {
        if (available < fixedLength) {
            throw new MalformedPacketException("shorter than RTCP type " + expectedType + ": " + available + " B");
        }
        int first = in.get() & 0xFF;
        if (first >>> 6 != 2) {
            throw new MalformedPacketException("RTCP version " + (first >>> 6) + " is not 2");
        }
        int type = in.get() & 0xFF;
        if (type != expectedType) {
            throw new MalformedPacketException("packet type " + type + " is not " + expectedType);
        }
        int count = first & 0x1F;
        int length = 4 * ((in.getShort() & 0xFFFF) + 1);
        if (length > available || length < fixedLength + count * RtcpReportBlock.LENGTH) {
            throw new MalformedPacketException("length " + length + " does not fit " + count + " blocks");
        }
        return count;
    }

    private static void putBlock(ByteBuffer out, RtcpReportBlock block) {
        out.putInt((int) block.ssrc());
        out.putInt((block.fractionLost() << 24) | (block.cumulativeLost() & 0xFF_FFFF));
        out.putInt((int) block.highestSequence());
        out.putInt((int) block.jitter());
        out.putInt((int) block.lastSenderReport());
        out.putInt((int) block.delaySinceLastSenderReport());
    }

    private static RtcpReportBlock getBlock(ByteBuffer in) {
        long source = in.getInt() & 0xFFFF_FFFFL;
        int loss = in.getInt();
        // Sign-extend the 24-bit cumulative loss by shifting it to the top and back.
        return new RtcpReportBlock(source, loss >>> 24, (loss << 8) >> 8, in.getInt() & 0xFFFF_FFFFL,
                in.getInt() & 0xFFFF_FFFFL, in.getInt() & 0xFFFF_FFFFL, in.getInt() & 0xFFFF_FFFFL);
    }
}
