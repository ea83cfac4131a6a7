package vn.loa.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The IPv4 packets of a tcpdump capture on an Ethernet link: when, from where to where, which protocol, how big. */
final class PcapFlows {

    /** One packet: capture time in epoch microseconds, addresses as dotted quads, IP total length in bytes. */
    record Packet(long micros, String source, int sourcePort, String destination, int destinationPort, int protocol,
            int ipLength) {
        static final int UDP = 17;
        static final int TCP = 6;
    }

    private PcapFlows() {
    }

    static List<Packet> read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Packet> packets = new ArrayList<>();
        if (in.limit() < 24 || in.getInt(0) != 0xA1B2C3D4 || in.getInt(20) != 1) {
            throw new IOException(file + " is not a little-endian Ethernet pcap");
        }
        int offset = 24;
        while (offset + 16 + 14 + 24 <= in.limit()) {
            long micros = (in.getInt(offset) & 0xFFFFFFFFL) * 1_000_000L + (in.getInt(offset + 4) & 0xFFFFFFFFL);
            int captured = in.getInt(offset + 8);
            int ip = offset + 16 + 14;
            ByteBuffer net = in.duplicate().order(ByteOrder.BIG_ENDIAN);
            if ((in.get(ip) & 0xF0) == 0x40) {
                int header = (in.get(ip) & 0x0F) * 4;
                int protocol = in.get(ip + 9) & 0xFF;
                packets.add(new Packet(micros, quad(in, ip + 12), net.getShort(ip + header) & 0xFFFF, quad(in, ip + 16),
                        net.getShort(ip + header + 2) & 0xFFFF, protocol, net.getShort(ip + 2) & 0xFFFF));
            }
            offset += 16 + captured;
        }
        return packets;
    }

    private static String quad(ByteBuffer in, int at) {
        return (in.get(at) & 0xFF) + "." + (in.get(at + 1) & 0xFF) + "." + (in.get(at + 2) & 0xFF) + "."
                + (in.get(at + 3) & 0xFF);
    }
}
