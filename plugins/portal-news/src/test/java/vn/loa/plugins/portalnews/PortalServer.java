package vn.loa.plugins.portalnews;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A local web server with the saved portal pages and feeds of {@code src/test/resources/portal}: {@code /tin-tuc}
 * (listing), {@code /tin/NAME} (an article, 404 when there is no saved page), {@code /rss}, {@code /atom},
 * {@code /hong} (a truncated feed) and {@code /rac} (bytes that are no feed at all). {@code {{base}}} in a file
 * becomes the server's address.
 */
final class PortalServer implements AutoCloseable {

    private final HttpServer server;
    /** An RSS {@code <item>} added to the end of the feed, as if the portal had just published it. */
    volatile String extraItem = "";
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> hits =
            new java.util.concurrent.ConcurrentHashMap<>();

    PortalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            hits.computeIfAbsent(path, p -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            String file = switch (path) {
                case "/tin-tuc" -> "tin-tuc.html";
                case "/rss" -> "rss.xml";
                case "/atom" -> "atom.xml";
                case "/hong" -> "hong.xml";
                case "/rac" -> "rac.bin";
                default -> path.startsWith("/tin/") ? path.substring(5) + ".html" : "none";
            };
            try (InputStream in = PortalServer.class.getResourceAsStream("/portal/" + file);
                    OutputStream out = exchange.getResponseBody()) {
                if (in == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = in.readAllBytes();
                if (!file.endsWith(".bin")) {
                    body = new String(body, StandardCharsets.UTF_8).replace("{{base}}", base())
                            .replace("  </channel>", extraItem + "  </channel>").getBytes(StandardCharsets.UTF_8);
                }
                exchange.getResponseHeaders().add("Content-Type", file.endsWith(".html") ? "text/html; charset=utf-8"
                        : file.endsWith(".xml") ? "application/rss+xml; charset=utf-8" : "application/octet-stream");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        server.start();
    }

    /** How many times {@code path} was asked for. */
    int hits(String path) {
        var n = hits.get(path);
        return n == null ? 0 : n.get();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
