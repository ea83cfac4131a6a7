package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.config.ConfigException;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestCertificate;
import vn.loa.server.testing.TestServer;

/**
 * With HTTPS on, the plain port of http.redirect.port sends every request to the same path on HTTPS (308); a server
 * given a key that is not its certificate's, an expired certificate or a missing file refuses to start and says which
 * setting is wrong, in Vietnamese and English.
 */
class HttpsRedirectIT {

    private static TestCertificate cert;
    private static TestServer server;
    private static HttpClient plain;

    @BeforeAll
    static void start() throws Exception {
        cert = TestCertificate.make();
        server = TestServer.onH2(Map.of("tls.cert", cert.certificate().toString(), "tls.key", cert.key().toString(),
                "http.redirect.port", String.valueOf(ServerProcess.freePort())));
        plain = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePlainPortRedirectsEveryRequestToTheSamePathOverHttps() throws Exception {
        String plainBase = "http://127.0.0.1:" + server.loa().redirectPort();
        String https = "https://127.0.0.1:" + server.loa().port();
        HttpResponse<String> get = plain.send(HttpRequest.newBuilder(URI.create(plainBase + "/api/v1/zones?q=th%C3%B4n"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(308);
        assertThat(get.headers().firstValue("Location")).hasValue(https + "/api/v1/zones?q=th%C3%B4n");
        HttpResponse<String> post = plain.send(HttpRequest.newBuilder(URI.create(plainBase + "/api/v1/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(308);
        assertThat(post.headers().firstValue("Location")).hasValue(https + "/api/v1/auth/login");
        assertThat(rawLocation(server.loa().redirectPort(), "loa.xa-an-binh.vn")).isEqualTo(
                "https://loa.xa-an-binh.vn:" + server.loa().port() + "/health");

        // A browser that follows it lands on Loa over TLS.
        HttpClient browser = HttpClient.newBuilder().sslContext(cert.clientContext())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> health = browser.send(HttpRequest.newBuilder(URI.create(plainBase + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.uri().toString()).isEqualTo(https + "/health");
        assertThat(health.body()).contains("\"status\"");
    }

    @Test
    void aKeyThatIsNotTheCertificatesStopsStartUp() throws Exception {
        Path otherKey = TestCertificate.make().key();
        assertThatThrownBy(() -> TestServer.onH2(Map.of("tls.cert", cert.certificate().toString(),
                "tls.key", otherKey.toString()))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tls.key (LOA_TLS_KEY)").hasMessageContaining("không khớp")
                .hasMessageContaining("does not match");
    }

    @Test
    void anExpiredCertificateStopsStartUp() {
        // TestCertificate's certificate is valid two days: a clock a week ahead finds it expired.
        Clock weekAhead = Clock.fixed(Instant.now().plus(Duration.ofDays(7)), ZoneOffset.UTC);
        assertThatThrownBy(() -> TestServer.onH2(Map.of("tls.cert", cert.certificate().toString(),
                "tls.key", cert.key().toString()), weekAhead)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("tls.cert (LOA_TLS_CERT)").hasMessageContaining("hết hạn")
                .hasMessageContaining("expired");
    }

    @Test
    void theServerProcessSaysWhichSettingIsWrongAndExits() throws Exception {
        Path data = TempDirs.create("loa-bad-tls-");
        Path otherKey = TestCertificate.make().key();
        try (ServerProcess loa = ServerProcess.launch(data, "", ServerProcess.freePort(),
                Map.of("LOA_TLS_CERT", cert.certificate().toString(), "LOA_TLS_KEY", otherKey.toString()))) {
            assertThat(loa.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
        }
        assertThat(log(data)).contains("Cấu hình sai / bad configuration: tls.key (LOA_TLS_KEY)", "does not match");

        Path missing = TempDirs.create("loa-no-cert-");
        try (ServerProcess loa = ServerProcess.launch(missing, "", ServerProcess.freePort(),
                Map.of("LOA_TLS_CERT", missing.resolve("cert.pem").toString(), "LOA_TLS_KEY", cert.key().toString()))) {
            assertThat(loa.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
        }
        assertThat(log(missing)).contains("tls.cert (LOA_TLS_CERT)", "không đọc được", "cannot read");
    }

    /** The Location answered to a request naming {@code host} in its Host header, as a browser typing it would. */
    private static String rawLocation(int port, String host) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return reply.lines().filter(l -> l.regionMatches(true, 0, "location:", 0, 9))
                    .map(l -> l.substring(9).strip()).findFirst().orElse(reply);
        }
    }

    private static String log(Path dataDir) throws Exception {
        try (Stream<Path> files = Files.list(dataDir)) {
            Path log = files.filter(p -> p.getFileName().toString().startsWith("server-")).findFirst().orElseThrow();
            return Files.readString(log, StandardCharsets.UTF_8);
        }
    }
}
