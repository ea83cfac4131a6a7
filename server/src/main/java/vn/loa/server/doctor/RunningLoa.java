package vn.loa.server.doctor;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The Loa already running on this machine, seen through its {@code /health} on loopback: asked once, so the port and
 * database checks can tell "held by Loa itself" from "held by something else".
 */
public final class RunningLoa {

    private final URI health;
    private final boolean tls;
    private Optional<JsonObject> answer;

    public RunningLoa(int port, boolean tls) {
        this.health = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + "/health");
        this.tls = tls;
    }

    /** Whether a Loa answers on the HTTP port. */
    public boolean running() {
        return health().isPresent();
    }

    /** Whether that Loa reports its database UP. */
    boolean databaseUp() {
        return health().map(h -> "UP".equals(h.getString("database"))).orElse(false);
    }

    private synchronized Optional<JsonObject> health() {
        if (answer == null) {
            answer = ask();
        }
        return answer;
    }

    private Optional<JsonObject> ask() {
        try {
            HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2));
            if (tls) {
                client.sslContext(trustingLoopback());
            }
            HttpResponse<String> r = client.build().send(HttpRequest.newBuilder(health)
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            JsonObject body = new JsonObject(r.body());
            // Loa's /health names its database; another program's answer does not.
            return body.containsKey("database") ? Optional.of(body) : Optional.empty();
        } catch (IOException | DecodeException | ClassCastException | GeneralSecurityException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Accepts any certificate: the probe goes to 127.0.0.1 only and reads nothing secret. */
    private static SSLContext trustingLoopback() throws GeneralSecurityException {
        TrustManager any = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // a client certificate is never asked for
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // loopback probe: the certificate is checked by TlsCheck, not here
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {any}, null);
        return context;
    }
}
