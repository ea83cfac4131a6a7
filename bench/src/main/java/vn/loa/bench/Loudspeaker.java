package vn.loa.bench;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback UDP socket standing in for a loudspeaker: the arrival time ({@link System#nanoTime()}) of every packet,
 * and of every packet that starts a talk spurt (RTP marker bit: a programme came on air).
 */
final class Loudspeaker implements AutoCloseable {

    private final DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    private final List<Long> arrivals = new ArrayList<>();
    private final List<Long> spurts = new ArrayList<>();
    private final Thread reader = new Thread(this::read, "bench-loudspeaker");

    Loudspeaker() throws IOException {
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void read() {
        byte[] buffer = new byte[2048];
        while (!socket.isClosed()) {
            try {
                DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
                socket.receive(datagram);
                long now = System.nanoTime();
                boolean marker = datagram.getLength() > 1 && (buffer[1] & 0x80) != 0;
                synchronized (arrivals) {
                    arrivals.add(now);
                    if (marker) {
                        spurts.add(now);
                    }
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    void clear() {
        synchronized (arrivals) {
            arrivals.clear();
            spurts.clear();
        }
    }

    /** How many packets came since the last {@link #clear()}. */
    int count() {
        synchronized (arrivals) {
            return arrivals.size();
        }
    }

    /** Waits until no packet came for {@code millis} (the call's stream has ended). */
    void quietFor(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            long last;
            synchronized (arrivals) {
                last = arrivals.isEmpty() ? 0 : arrivals.get(arrivals.size() - 1);
            }
            if (last != 0 && System.nanoTime() - last > millis * 1_000_000L) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** The arrival of the first packet after {@code nanos}, or 0. */
    long firstAfter(long nanos) {
        synchronized (arrivals) {
            return arrivals.stream().filter(t -> t > nanos).findFirst().orElse(0L);
        }
    }

    /** The arrival of the first packet that started a talk spurt after {@code nanos}, or 0. */
    long firstSpurtAfter(long nanos) {
        synchronized (arrivals) {
            return spurts.stream().filter(t -> t > nanos).findFirst().orElse(0L);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
