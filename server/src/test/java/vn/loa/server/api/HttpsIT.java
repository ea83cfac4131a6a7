package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.TestCertificate;
import vn.loa.server.testing.TestServer;

/** Loa serving HTTPS itself (issue 22): answers carry HSTS, sign-in works over TLS, and plain HTTP gets nothing. */
class HttpsIT {

    private static TestServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        TestCertificate cert = TestCertificate.make();
        server = TestServer.onH2(Map.of("tls.cert", cert.certificate().toString(),
                "tls.key", cert.key().toString()));
        client = HttpClient.newBuilder().sslContext(cert.clientContext()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String https(String path) {
        return "https://127.0.0.1:" + server.loa().port() + path;
    }

    @Test
    void answersOverTlsCarryHstsAndSignInWorks() throws Exception {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(https("/health"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
        assertThat(health.headers().firstValue("Content-Security-Policy")).isPresent();

        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(https("/api/v1/auth/login")))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("username", "admin")
                        .put("password", TestServer.ADMIN_PASSWORD).encode())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(new JsonObject(login.body()).getString("token")).isNotBlank();
    }

    @Test
    void plainHttpOnTheSamePortGetsNoAnswer() {
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.loa().port() + "/health")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
