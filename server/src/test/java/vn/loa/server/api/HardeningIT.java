package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RawHttp;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.TestServer;

/**
 * HTTP hardening (issue 22) against a server with the shipped defaults where the tests' server relaxes them (no relay
 * host allowed) and with a metrics token: headers on every route family, no CORS, /metrics closed, relay URLs kept off
 * private networks, and half-open connections that neither pile up nor slow {@code /health}.
 */
@RunsAlone("asserts /health answers within 2 s while hundreds of half-open connections are held")
class HardeningIT {

    private static final String METRICS_TOKEN = "ma-doc-so-lieu-0123456789";
    private static final int CAP = 700;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;
    private static Api admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("relay.allowed.hosts", "", "metrics.token", METRICS_TOKEN,
                "http.connections.per.address", String.valueOf(CAP), "http.header.timeout", "3"));
        admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        admin.post("/api/v1/zones", new JsonObject().put("id", "xa-c").put("name", "Xã Cát"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> request(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyRouteFamilyCarriesTheBrowserProtections() throws Exception {
        String bearer = "Bearer " + admin.token();
        List<HttpResponse<String>> answers = List.of(
                request("GET", "/"), request("GET", "/js/app.js"), request("GET", "/css/loa.css"),
                request("GET", "/health"), request("GET", "/metrics"), request("GET", "/api/v1/openapi.json"),
                request("GET", "/api/v1/zones"), request("GET", "/api/v1/zones", "Authorization", bearer),
                request("GET", "/api/v1/khong-co"), request("GET", "/khong-co.html"),
                request("POST", "/api/v1/auth/login"), request("GET", "/player/assets/player.js"),
                request("GET", "/player/bang-cho"));
        for (HttpResponse<String> a : answers) {
            var h = a.headers();
            String what = a.request().method() + " " + a.request().uri().getPath() + " → " + a.statusCode();
            assertThat(h.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            assertThat(h.firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "style-src 'self'", "object-src 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(h.firstValue("Access-Control-Allow-Origin")).as(what).isEmpty();
            boolean player = a.request().uri().getPath().startsWith("/player/");
            assertThat(h.firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"))
                    .as(what + ": framing refused except for the board player").isEqualTo(!player);
        }
    }

    @Test
    void otherSitesGetNoCorsAnswer() throws Exception {
        var preflight = request("OPTIONS", "/api/v1/zones", "Origin", "https://ke-xau.example",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization");
        var read = request("GET", "/api/v1/zones", "Origin", "https://ke-xau.example", "Authorization",
                "Bearer " + admin.token());

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void metricsAskForTheirToken() throws Exception {
        assertThat(request("GET", "/metrics").statusCode()).isEqualTo(401);
        assertThat(request("GET", "/metrics", "Authorization", "Bearer " + admin.token()).statusCode()).isEqualTo(401);

        var metrics = request("GET", "/metrics", "Authorization", "Bearer " + METRICS_TOKEN);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE");
    }

    @Test
    void relayUrlsOnPrivateNetworksAreRefused() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:8080/metrics",
                "http://localhost/x.mp3", "http://10.0.0.5/vov1.mp3", "http://192.168.1.1/", "http://[::1]:8000/x",
                "http://[fd00::1]/x", "icy://172.16.3.4:8000/live")) {
            var reply = admin.post("/api/v1/announcements", relay(url));
            assertThat(reply.status()).as(url + " → " + reply).isEqualTo(400);
            assertThat(reply.json().getString("error")).as(url).isIn("relay_url_private", "invalid_relay_url");
            assertThat(reply.json().getString("field")).as(url).isEqualTo("relayUrl");
        }

        assertThat(admin.post("/api/v1/announcements", relay("http://203.0.113.7:8000/vov1.mp3")).status())
                .as("a public address").isEqualTo(201);
    }

    private static JsonObject relay(String url) {
        return new JsonObject().put("title", "Tiếp sóng").put("relayUrl", url).put("priority", "BACKGROUND")
                .put("zones", new JsonArray().add("xa-c")).put("schedule", new JsonObject().put("duration", 60));
    }

    @Test
    void noAnswerShowsTheServersDataFolder() {
        String dataDir = server.config().dataDir().toString();
        for (String path : List.of("/api/v1/plugins", "/api/v1/audit?limit=500", "/api/v1/users/me")) {
            assertThat(admin.get(path).body()).as(path).doesNotContain(dataDir);
        }
        var health = admin.get("/health").json();
        assertThat(health.getJsonObject("speech").getString("version")).startsWith("eSpeak NG")
                .doesNotContain("/usr/", "Data at");
    }

    @Test
    void halfOpenConnectionsNeitherPileUpNorSlowHealth() throws Exception {
        List<Socket> halfOpen = new ArrayList<>();
        try {
            for (String from : List.of("127.0.0.2", "127.0.0.3", "127.0.0.4")) {
                for (int i = 0; i < CAP; i++) {
                    Socket s = RawHttp.connect(server.baseUrl(), from);
                    s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: loa\r\n".getBytes(StandardCharsets.US_ASCII));
                    halfOpen.add(s);
                }
            }
            List<Long> healthMs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThat(request("GET", "/health").statusCode()).isEqualTo(200);
                healthMs.add((System.nanoTime() - start) / 1_000_000);
            }
            Collections.sort(healthMs);
            System.out.printf("half-open: %d connections held; /health median %d ms, max %d ms%n", halfOpen.size(),
                    healthMs.get(healthMs.size() / 2), healthMs.get(healthMs.size() - 1));
            assertThat(healthMs.get(healthMs.size() - 1)).as("slowest /health, ms").isLessThan(2_000);

            try (Socket extra = RawHttp.connect(server.baseUrl(), "127.0.0.2")) {
                assertThat(closedByServer(extra)).as("a connection over the per-address cap").isTrue();
            }
            // The header timeout (3 s here) closes every connection that never finished its request head.
            assertThat(closedByServer(halfOpen.get(0))).isTrue();
            assertThat(closedByServer(halfOpen.get(halfOpen.size() - 1))).isTrue();
            // Their places are free again: the address that held the cap is served.
            await().alias("/health from the address whose connections were closed").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> RawHttp.send(server.baseUrl(), "127.0.0.2", "GET", "/health", null) == 200);
        } finally {
            for (Socket s : halfOpen) {
                s.close();
            }
        }
    }

    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            return in.read() == -1;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }
}
