package vn.loa.server.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * One connection to the syslog receiver, over TCP or TLS (RFC 5425: the receiver's certificate checked against the
 * configured authorities and its name). Opened when first needed and again after a failure; used by one thread.
 */
final class SyslogLink implements AutoCloseable {

    private static final int TIMEOUT_MS = 5000;

    private final URI target;
    private final Path trustedCa;
    private Socket socket;
    private OutputStream out;

    SyslogLink(URI target, Path trustedCa) {
        this.target = target;
        this.trustedCa = trustedCa;
    }

    /** Sends one framed message, connecting first if needed; on failure the connection is dropped and the error thrown. */
    void send(byte[] framed) throws IOException {
        try {
            if (out == null) {
                open();
            }
            out.write(framed);
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Pushes what was written onto the wire. */
    void flush() throws IOException {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                close();
                throw e;
            }
        }
    }

    /**
     * Whether the receiver still holds the connection: a receiver never writes, so a read that ends (or fails) means
     * it closed or reset it. TCP accepts a write to a connection the other side has closed without an error, so the
     * forwarder asks this before it counts a batch as delivered.
     */
    boolean alive() {
        if (socket == null) {
            return false;
        }
        try {
            socket.setSoTimeout(1);
            try {
                if (socket.getInputStream().read() < 0) {
                    close();
                    return false;
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // Nothing to read and no end: the connection is up.
            } finally {
                if (socket != null) {
                    socket.setSoTimeout(TIMEOUT_MS);
                }
            }
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    private void open() throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(target.getHost(), target.getPort()), TIMEOUT_MS);
        plain.setSoTimeout(TIMEOUT_MS);
        if ("tls".equals(target.getScheme())) {
            SSLSocket tls = (SSLSocket) tlsContext().getSocketFactory()
                    .createSocket(plain, target.getHost(), target.getPort(), true);
            SSLParameters params = tls.getSSLParameters();
            // The receiver's certificate must name the host we asked for, as an HTTPS client checks.
            params.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(params);
            tls.startHandshake();
            socket = tls;
        } else {
            socket = plain;
        }
        out = new java.io.BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private SSLContext tlsContext() throws IOException {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trustedCa == null) {
                trust.init((KeyStore) null);
            } else {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                try (InputStream in = Files.newInputStream(trustedCa)) {
                    int n = 0;
                    for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        store.setCertificateEntry("ca-" + n++, cert);
                    }
                }
                trust.init(store);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS to the syslog receiver: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a broken connection: nothing more to learn from it.
            }
        }
        socket = null;
        out = null;
    }
}
