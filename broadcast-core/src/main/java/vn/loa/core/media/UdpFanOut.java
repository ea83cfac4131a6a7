package vn.loa.core.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import vn.loa.core.rtp.RtpPacket;
import vn.loa.core.rtp.RtpPacketCodec;

/**
 * Sends each packet of one zone stream to every destination: the unicast address of each node, or the zone's
 * multicast group. The packet is encoded once however many nodes there are.
 *
 * <p>{@link #accept} is called by the one pacing thread; destinations may be added and removed from any thread. A
 * failed send to one node is counted and does not stop the others. Uses one blocking {@link DatagramChannel}: UDP
 * sends only block when the socket buffer is full, and a larger buffer is the cure, not a busy retry.
 */
public final class UdpFanOut implements Consumer<RtpPacket>, ZoneOutput, AutoCloseable {

    private final DatagramChannel channel;
    private final List<InetSocketAddress> destinations = new CopyOnWriteArrayList<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(65_507);
    private long datagramsSent;
    private long bytesSent;
    private long sendFailures;

    private UdpFanOut(DatagramChannel channel) {
        this.channel = channel;
    }

    /**
     * Opens a sending socket on an ephemeral IPv4 port.
     *
     * @param multicastTtl how many router hops multicast may cross (1 keeps it on the commune's own network)
     */
    public static UdpFanOut open(int multicastTtl) {
        try {
            DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, multicastTtl);
            // Room for one 20 ms round of packets to a few thousand nodes without blocking.
            channel.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
            channel.bind(null);
            return new UdpFanOut(channel);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open an RTP sending socket", e);
        }
    }

    public void add(InetSocketAddress destination) {
        destinations.add(destination);
    }

    public void remove(InetSocketAddress destination) {
        destinations.remove(destination);
    }

    /** The local port packets leave from, as receivers see it. */
    public int localPort() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void accept(RtpPacket packet) {
        buffer.clear();
        RtpPacketCodec.encode(packet, buffer);
        buffer.flip();
        for (InetSocketAddress destination : destinations) {
            send(destination);
        }
    }

    @Override
    public void send(RtpPacket packet) {
        accept(packet);
    }

    /** Sends raw bytes (an RTCP compound packet) to every destination's next port up, the RTCP port. */
    @Override
    public void sendControl(byte[] rtcp) {
        for (InetSocketAddress destination : destinations) {
            buffer.clear();
            buffer.put(rtcp).flip();
            send(new InetSocketAddress(destination.getAddress(), destination.getPort() + 1));
        }
    }

    private void send(InetSocketAddress destination) {
        try {
            int length = buffer.remaining();
            channel.send(buffer, destination);
            datagramsSent++;
            bytesSent += length;
        } catch (IOException e) {
            sendFailures++; // an unreachable node must not silence the rest of the zone
        } finally {
            buffer.rewind();
        }
    }

    public long datagramsSent() {
        return datagramsSent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    public long sendFailures() {
        return sendFailures;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
