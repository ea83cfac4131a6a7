package vn.loa.server.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;

/** Reads the RTP packets of a classic pcap capture of UDP over Ethernet (as SIPp's sample captures are). */
public final class Pcap {

    private Pcap() {
    }

    /** The IP time-to-live of each packet of a capture (tcpdump's, on Ethernet), in order. */
    public static List<Integer> ttls(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.limit() < 24 || in.getInt(0) != 0xA1B2C3D4 || in.getInt(20) != 1) {
            throw new IOException(file + " is not a little-endian Ethernet pcap");
        }
        List<Integer> ttls = new ArrayList<>();
        int offset = 24;
        while (offset + 16 + 14 + 9 <= in.limit()) {
            ttls.add(in.get(offset + 16 + 14 + 8) & 0xFF);
            offset += 16 + in.getInt(offset + 8);
        }
        return ttls;
    }

    public static List<RtpPacket> rtp(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (in.getInt(0) != 0xA1B2C3D4 || in.getInt(20) != 1) {
            throw new IOException(file + " is not a little-endian Ethernet pcap");
        }
        List<RtpPacket> packets = new ArrayList<>();
        int offset = 24;
        while (offset + 16 <= in.limit()) {
            int length = in.getInt(offset + 8);
            int ip = offset + 16 + 14;
            int udp = ip + (in.get(ip) & 0x0F) * 4;
            int rtp = udp + 8;
            packets.add(RtpPacketCodec.decode(in.array(), rtp, offset + 16 + length - rtp));
            offset += 16 + length;
        }
        return packets;
    }
}
