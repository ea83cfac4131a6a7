package vn.loa.hotline;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hotline's watch over inbound SIP/TCP connections, which JAIN-SIP serves with a thread each and at most a fixed
 * number at once: a connection over {@code perAddress} from one address is closed as soon as it is accepted, and one
 * that has sent nothing for {@code idleNanos} and carries no call is closed by {@link #sweep()}. So idle connections
 * from one place cannot take the slots every phone and trunk shares. Thread-safe.
 */
final class TcpGuard {

    private static final Logger LOG = LoggerFactory.getLogger(TcpGuard.class);

    private final int perAddress;
    private final long idleNanos;
    private final LongSupplier nanos;
    private final Predicate<Socket> inCall;
    private final Set<Watched> open = ConcurrentHashMap.newKeySet();
    private final HotlineMetrics metrics;

    /** @param inCall whether a connection carries a call in progress (its silence between INVITE and BYE is normal) */
    TcpGuard(int perAddress, long idleNanos, LongSupplier nanos, Predicate<Socket> inCall, HotlineMetrics metrics) {
        this.perAddress = perAddress;
        this.idleNanos = idleNanos;
        this.nanos = nanos;
        this.inCall = inCall;
        this.metrics = metrics;
    }

    /** A socket for {@code ServerSocket.implAccept} that notes when it last received bytes. */
    Watched socket() {
        return new Watched();
    }

    /** True when the just accepted {@code socket} may stay; false when its address already has its share. */
    synchronized boolean admit(Watched socket) {
        open.removeIf(Socket::isClosed);
        InetAddress from = socket.getInetAddress();
        long same = open.stream().filter(s -> from.equals(s.getInetAddress())).count();
        if (same >= perAddress) {
            metrics.tcpRefused.incrementAndGet();
            LOG.debug("SIP/TCP connection from {} refused: {} already open", from.getHostAddress(), same);
            return false;
        }
        socket.lastRead = nanos.getAsLong(); // idle from now: the socket was made before accept() began to wait
        open.add(socket);
        return true;
    }

    /** Closes the connections idle longer than allowed that carry no call. */
    void sweep() {
        long now = nanos.getAsLong();
        for (Watched s : open) {
            if (s.isClosed()) {
                open.remove(s);
            } else if (now - s.lastRead > idleNanos && !inCall.test(s)) {
                LOG.debug("closing idle SIP/TCP connection from {}", s.getRemoteSocketAddress());
                metrics.tcpIdleClosed.incrementAndGet();
                open.remove(s);
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }
    }

    /** Connections open now. */
    int size() {
        return (int) open.stream().filter(s -> !s.isClosed()).count();
    }

    /** An accepted connection that remembers when it last received bytes. */
    final class Watched extends Socket {

        private volatile long lastRead;

        @Override
        public InputStream getInputStream() throws IOException {
            return new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    lastRead = nanos.getAsLong();
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    lastRead = nanos.getAsLong();
                    return n;
                }
            };
        }
    }
}
