package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The benchmarks' calls to a Loa server's JSON API while they set it up: any answer other than 2xx stops the run. */
public final class BenchApi {

    private BenchApi() {
    }

    /** Signs in and returns the token. */
    public static String login(HttpClient http, String base, String user, String password)
            throws IOException, InterruptedException {
        return new JsonObject(send(http, base, null, "POST", "/api/v1/auth/login",
                new JsonObject().put("username", user).put("password", password))).getString("token");
    }

    /** Sends {@code body} as JSON, with {@code token} when not null; returns the answer's body. */
    public static String send(HttpClient http, String base, String token, String method, String path, JsonObject body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }
}
