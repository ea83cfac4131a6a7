package vn.loa.server.link;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The downstream's HTTP(S) calls to its upstream: enrol, send a report, poll for bulletins. The downstream always
 * calls out, so a commune behind a 4G carrier's NAT needs no open port. Blocking: called from the link's own threads.
 */
public final class UpstreamCalls {

    /** An answer: its status and JSON body (empty when it had none). */
    public record Answer(int status, JsonObject body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String error() {
            return body.getString("error", "http_" + status);
        }
    }

    private final HttpClient http;

    /** @param trustCa PEM certificates to trust for an https:// upstream instead of the JDK's; null for the JDK's */
    public UpstreamCalls(java.nio.file.Path trustCa) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (trustCa != null) {
            builder.sslContext(vn.loa.server.config.LinkTrust.of(trustCa));
        }
        this.http = builder.build();
    }

    public Answer enrol(String url, JsonObject request) throws IOException, InterruptedException {
        return post(url, "/api/v1/link/enrol", request, Duration.ofSeconds(20));
    }

    public Answer send(String url, SignedMessage message) throws IOException, InterruptedException {
        return post(url, "/api/v1/link/messages", message.json(), Duration.ofSeconds(30));
    }

    /** A poll the upstream may hold open up to {@code wait}. */
    public Answer poll(String url, SignedMessage message, Duration wait) throws IOException, InterruptedException {
        return post(url, "/api/v1/link/poll", message.json(), wait.plusSeconds(15));
    }

    /**
     * Fetches content by its hash ({@code path}: {@code /api/v1/link/audio} or {@code /api/v1/link/slides}) into
     * {@code target}; the answer's body is empty on success (the bytes are in the file), the upstream's error otherwise.
     */
    public Answer fetch(String url, String path, SignedMessage message, java.nio.file.Path target)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.json().encode())).build();
        HttpResponse<java.nio.file.Path> reply = http.send(request, HttpResponse.BodyHandlers.ofFile(target));
        if (reply.statusCode() == 200) {
            return new Answer(200, new JsonObject());
        }
        String text = java.nio.file.Files.readString(target);
        java.nio.file.Files.deleteIfExists(target);
        try {
            return new Answer(reply.statusCode(), new JsonObject(text));
        } catch (DecodeException e) {
            return new Answer(reply.statusCode(), new JsonObject().put("error", "not_json"));
        }
    }

    private Answer post(String url, String path, JsonObject body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + path))
                .timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        HttpResponse<String> reply = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json;
        try {
            json = reply.body() == null || reply.body().isBlank() ? new JsonObject() : new JsonObject(reply.body());
        } catch (DecodeException e) {
            json = new JsonObject().put("error", "not_json").put("message", reply.body().length() > 200
                    ? reply.body().substring(0, 200) : reply.body());
        }
        return new Answer(reply.statusCode(), json);
    }
}
