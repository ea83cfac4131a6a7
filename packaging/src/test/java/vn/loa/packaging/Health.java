package vn.loa.packaging;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Waits for a server started from the packaged files to answer {@code /health} UP, or says why it did not. */
final class Health {

    private Health() {
    }

    static void awaitUp(Process server, String base, Path log) throws IOException, InterruptedException {
        awaitUp(server, base, log, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    }

    /** As above, asking with this client (e.g. one that trusts a test certificate). */
    static void awaitUp(Process server, String base, Path log, HttpClient http) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the packaged server ended with " + server.exitValue() + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && "UP".equals(new JsonObject(r.body()).getString("status"))) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no /health UP in 120 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
}
