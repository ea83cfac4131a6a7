package vn.loa.server.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket bound to a chosen local address (127.0.0.2, 127.0.0.3, ...), so a test on one machine
 * can act as many clients: guessers at different addresses, or thousands of half-open connections.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** A socket from {@code from} to the server at {@code base}, connected and with a 10 s read timeout. */
    public static Socket connect(String base, String from) throws IOException {
        URI uri = URI.create(base);
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Sends one request with a JSON body from {@code from} and returns the status code of the answer. */
    public static int send(String base, String from, String method, String path, String json) throws IOException {
        try (Socket socket = connect(base, from)) {
            byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
            String head = method + " " + path + " HTTP/1.1\r\nHost: loa\r\nConnection: close\r\n"
                    + (json == null ? "" : "Content-Type: application/json\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder status = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            String[] parts = status.toString().split(" ");
            if (parts.length < 2) {
                throw new IOException("no HTTP answer: '" + status + "'");
            }
            return Integer.parseInt(parts[1]);
        }
    }
}
