package vn.loa.server.testing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small HTTP client for API tests: sends JSON (or raw bytes) with an optional bearer token. */
public final class Api {

    /** An answer: status, the body as text, and its JSON views. */
    public record Reply(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
        /** The body as UTF-8 text. */
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonObject json() {
            return new JsonObject(body());
        }

        public JsonArray array() {
            return new JsonArray(body());
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;
    private final HttpClient http;

    public Api(String base, String token) {
        this(base, token, HTTP);
    }

    /** A client over {@code http}, e.g. one that trusts a test's own TLS certificate. */
    public Api(String base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
    }

    /** The bearer token this client sends, for tests that speak HTTP on a raw socket. */
    public String token() {
        return token;
    }

    /** Signs in and returns a client carrying the token; fails the test if sign-in fails. */
    public static Api signIn(String base, String username, String password) {
        return signIn(base, username, password, HTTP);
    }

    /** Signs in over {@code http} (a client trusting a test certificate, say). */
    public static Api signIn(String base, String username, String password, HttpClient http) {
        Reply r = new Api(base, null, http).post("/api/v1/auth/login",
                new JsonObject().put("username", username).put("password", password));
        if (r.status() != 200) {
            throw new AssertionError("sign-in of " + username + " failed: " + r);
        }
        return new Api(base, r.json().getString("token"), http);
    }

    public Reply get(String path) {
        return send("GET", path, null, null);
    }

    /** A counter or gauge of the server's {@code /metrics} (summed over its labels); 0 before it first appears. */
    public double metric(String name) {
        return get("/metrics").body().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    public Reply post(String path, Object json) {
        return send("POST", path, json == null ? null : json.toString(), "application/json");
    }

    public Reply put(String path, Object json) {
        return send("PUT", path, json.toString(), "application/json");
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Sends any text as the body, e.g. malformed JSON. */
    public Reply send(String method, String path, String body, String contentType) {
        return sendBytes(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** Sends raw bytes as the body, e.g. text that is not valid UTF-8. */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
