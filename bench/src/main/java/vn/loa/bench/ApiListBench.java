package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.loa.server.LoaServer;
import vn.loa.server.config.ConfigLoader;

/**
 * Requests per second and latency of {@code GET /api/v1/announcements} with 10,000 stored announcements, on the
 * embedded H2, for the province admin (no scope filter to speak of) and for a commune clerk (the subtree filter).
 *
 * <p>The load driver runs in the same JVM on the same cores as the server, so the figures are a floor, not a ceiling.
 */
final class ApiListBench {

    private static final int ROWS = 10_000;
    private static final int WORKERS = 16;
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(20);
    private static final String PASSWORD = "bench-password-1";

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", Files.createTempDirectory("loa-bench-").toString());
        p.setProperty("http.port", "0");
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("admin.password", PASSWORD);
        try (LoaServer server = new LoaServer(ConfigLoader.from(p), Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + server.start();
            String admin = login(base, "admin", PASSWORD);
            send(base, admin, "POST", "/api/v1/zones", new JsonObject().put("id", "xa-a").put("name", "Xã A"));
            send(base, admin, "POST", "/api/v1/zones", new JsonObject().put("id", "xa-b").put("name", "Xã B"));
            send(base, admin, "POST", "/api/v1/users", new JsonObject().put("username", "clerk").put("role", "clerk")
                    .put("unit", "xa-a").put("password", PASSWORD));
            long seedStart = System.nanoTime();
            seed(base, admin);
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            String clerk = login(base, "clerk", PASSWORD);

            LoadDriver driver = new LoadDriver();
            JsonObject scenarios = new JsonObject();
            for (String[] s : new String[][] {{"admin_page50", admin, "/api/v1/announcements"},
                    {"clerk_page50", clerk, "/api/v1/announcements"},
                    {"admin_page500", admin, "/api/v1/announcements?limit=500"}}) {
                driver.run(base + s[2], s[1], WORKERS, WARM_UP);
                LoadDriver.Result r = driver.run(base + s[2], s[1], WORKERS, MEASURE);
                System.out.printf("%-14s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  errors %d%n", s[0],
                        r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.errors());
                scenarios.put(s[0], json(r).put("path", s[2]));
            }
            JsonObject result = new JsonObject()
                    .put("benchmark", "GET /api/v1/announcements with " + ROWS + " rows")
                    .put("database", "H2 (embedded, file)")
                    .put("workers", WORKERS)
                    .put("warmUpSeconds", WARM_UP.toSeconds())
                    .put("measureSeconds", MEASURE.toSeconds())
                    .put("seedInsertsPerSecond", Math.round(ROWS / seedSeconds))
                    .put("note", "closed-loop driver in the same JVM and on the same cores as the server")
                    .put("machine", Machine.describe())
                    .put("scenarios", scenarios);
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
        }
    }

    private static JsonObject json(LoadDriver.Result r) {
        return new JsonObject().put("requests", r.requests()).put("errors", r.errors())
                .put("seconds", round(r.seconds())).put("requestsPerSecond", round(r.requestsPerSecond()))
                .put("p50Ms", round(r.p50Ms())).put("p90Ms", round(r.p90Ms())).put("p99Ms", round(r.p99Ms()))
                .put("maxMs", round(r.maxMs()));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** 10,000 announcements through the API, half to each commune, eight at a time. */
    private void seed(String base, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            int n = i;
            pending.add(pool.submit(() -> send(base, token, "POST", "/api/v1/announcements", new JsonObject()
                    .put("title", "Thông báo số " + n)
                    .put("text", "Kính mời bà con thôn " + (n % 7) + " dự họp lúc 7h30 ngày 28/11/2026 tại nhà văn hóa.")
                    .put("zones", new JsonArray().add(n % 2 == 0 ? "xa-a" : "xa-b")))));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
    }

    private String login(String base, String user, String password) throws Exception {
        return BenchApi.login(http, base, user, password);
    }

    private JsonObject send(String base, String token, String method, String path, JsonObject body) throws Exception {
        return new JsonObject(BenchApi.send(http, base, token, method, path, body));
    }
}
