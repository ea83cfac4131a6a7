package vn.loa.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A syslog receiver over TLS (RFC 5425, octet-counted frames) on 127.0.0.1, with a certificate made by openssl for
 * this run; it keeps every message it receives. It can be stopped and started again on the same port.
 */
public final class SyslogReceiver implements AutoCloseable {

    private final Path certificate;
    private final SSLContext tls;
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile ServerSocket server;

    private SyslogReceiver(TestCertificate cert) throws Exception {
        certificate = cert.certificate();
        tls = cert.serverContext();
        server = listen(0);
        port = server.getLocalPort();
        accept(server);
    }

    public static SyslogReceiver start() throws Exception {
        return new SyslogReceiver(TestCertificate.make());
    }

    /** The certificate clients must trust (PEM). */
    public Path certificate() {
        return certificate;
    }

    public int port() {
        return port;
    }

    /** Every message received so far, in order, without their frames. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** Closes the listening socket and every connection: the receiver is away. */
    public void stop() throws IOException {
        server.close();
    }

    /** Listens again on the same port. */
    public void restart() throws IOException {
        server = listen(port);
        accept(server);
    }

    private ServerSocket listen(int on) throws IOException {
        ServerSocket s = tls.getServerSocketFactory().createServerSocket();
        s.setReuseAddress(true);
        s.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), on));
        return s;
    }

    private void accept(ServerSocket listening) {
        Thread t = new Thread(() -> {
            List<Socket> open = new CopyOnWriteArrayList<>();
            try {
                while (true) {
                    Socket s = listening.accept();
                    open.add(s);
                    Thread reader = new Thread(() -> read(s), "syslog-reader");
                    reader.setDaemon(true);
                    reader.start();
                }
            } catch (IOException closed) {
                for (Socket s : open) {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // Already gone.
                    }
                }
            }
        }, "syslog-accept");
        t.setDaemon(true);
        t.start();
    }

    private void read(Socket s) {
        try (InputStream in = s.getInputStream()) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ' ') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] message = in.readNBytes(length);
                if (message.length < length) {
                    return;
                }
                messages.add(new String(message, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The connection ended (the receiver stopped, or the sender closed it).
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
