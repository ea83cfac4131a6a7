package vn.loa.server.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.wire.rtp.RtpPacketCodec;

/** A loopback UDP socket standing in for an IP speaker: collects the RTP packets Loa sends it. */
public final class RtpCapture implements AutoCloseable {

    private final DatagramSocket socket;
    private volatile int received;

    public RtpCapture() throws IOException {
        socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * Receives until no packet came for {@code quietMillis} after the first one, or {@code deadlineMillis} passed.
     */
    public List<RtpPacket> receive(long quietMillis, long deadlineMillis) throws IOException {
        List<RtpPacket> packets = new ArrayList<>();
        long deadline = System.currentTimeMillis() + deadlineMillis;
        byte[] buffer = new byte[2048];
        while (System.currentTimeMillis() < deadline) {
            socket.setSoTimeout((int) (packets.isEmpty() ? Math.max(1, deadline - System.currentTimeMillis()) : quietMillis));
            DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                if (!packets.isEmpty()) {
                    break;
                }
                continue;
            }
            packets.add(RtpPacketCodec.decode(datagram.getData(), 0, datagram.getLength()));
            received = packets.size();
        }
        return packets;
    }

    /** {@link #receive} on another thread, while the test goes on (broadcasts, cuts links) and reads {@link #received}. */
    public java.util.concurrent.CompletableFuture<List<RtpPacket>> receiveInBackground(long quietMillis, long deadlineMillis) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return receive(quietMillis, deadlineMillis);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /**
     * Receives on another thread until closed, noting when ({@link System#nanoTime()}) each packet that starts a talk
     * spurt (marker bit: a programme came on air) arrived; {@link #received} counts every packet.
     */
    public List<Long> talkSpurtsInBackground() {
        List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        readInBackground("rtp-capture-", arrival -> {
            if (arrival.packet().marker()) {
                arrivals.add(arrival.at());
            }
        });
        return arrivals;
    }

    /** A packet as it arrived: when ({@link System#nanoTime()}) and what. */
    public record Arrival(long at, RtpPacket packet) {
    }

    /** Receives on another thread until closed, keeping every packet with its arrival time. */
    public List<Arrival> arrivalsInBackground() {
        List<Arrival> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        readInBackground("rtp-arrivals-", arrivals::add);
        return arrivals;
    }

    private void readInBackground(String name, java.util.function.Consumer<Arrival> each) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[2048];
            try {
                socket.setSoTimeout(0);
                while (!socket.isClosed()) {
                    DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                    socket.receive(datagram);
                    long now = System.nanoTime();
                    received++;
                    each.accept(new Arrival(now, RtpPacketCodec.decode(datagram.getData(), 0, datagram.getLength())));
                }
            } catch (IOException e) {
                // closed: the test is done listening
            }
        }, name + port());
        reader.setDaemon(true);
        reader.start();
    }

    /** How many packets the {@link #receive} running now has taken in so far; read from another thread. */
    public int received() {
        return received;
    }

    /**
     * Waits until the receive running in the background has taken in {@code count} packets (20 ms of audio each), e.g.
     * to act once a notice has been heard for a while; fails after a minute.
     */
    public void awaitReceived(int count) {
        await().atMost(Duration.ofMinutes(1)).until(this::received, n -> n >= count);
    }

    @Override
    public void close() {
        socket.close();
    }
}
