package vn.loa.node.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage.Played;
import vn.loa.wire.control.ControlMessage.Prefetch;
import vn.loa.node.control.ServerAddress;

/** The node's store-and-forward against a real HTTP server (the JDK's) serving one announcement's file. */
class PrefetcherTest {

    @Test
    void theSameOrderAgainIsNotFetchedAgainButTheStoredFileIsReportedFetchedOnceMore() throws Exception {
        byte[] body = "RIFF-not-played-in-this-test".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v1/nodes/prefetch/", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        List<Played> reports = new CopyOnWriteArrayList<>();
        Path dir = Files.createTempDirectory("loa-node-prefetch-");
        try (Prefetcher prefetcher = new Prefetcher(ServerAddress.parse("http://127.0.0.1:"
                + http.getAddress().getPort()), "loa-1", "secret", dir, reports::add, (a, s, r) -> { },
                Clock.systemUTC())) {
            Prefetch order = new Prefetch("7", "/api/v1/nodes/prefetch/7.wav",
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)), body.length,
                    Instant.now().plusSeconds(3600));
            prefetcher.accept(order);
            awaitReports(reports, 1);
            // The server restarted before the first report reached its database, and sends the order again.
            prefetcher.accept(order);
            awaitReports(reports, 2);

            assertThat(reports).extracting(Played::outcome).containsExactly("FETCHED", "FETCHED");
            assertThat(requests).containsExactly("/api/v1/nodes/prefetch/7.wav");
        } finally {
            http.stop(0);
        }
    }

    private static void awaitReports(List<Played> reports, int count) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> reports.size() >= count);
        assertThat(reports).hasSize(count);
    }
}
