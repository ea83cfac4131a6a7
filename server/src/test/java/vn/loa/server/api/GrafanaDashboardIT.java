package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * The Grafana dashboard of docs/operations.md (docs/grafana/loa.json) queries only metrics a real server's
 * {@code /metrics} has: a renamed gauge would otherwise leave an empty panel nobody notices until the day it matters.
 */
class GrafanaDashboardIT {

    private static final Path DASHBOARD = Path.of("../docs/grafana/loa.json");
    /** Names in a PromQL expression: words with an underscore that are not functions, labels or keywords. */
    private static final Pattern NAME = Pattern.compile("\\b([a-z][a-z0-9_]*_[a-z0-9_]+)\\b(?!\\s*\\()");
    private static final Set<String> NOT_METRICS = Set.of("by", "without", "le", "on", "ignoring");

    @Test
    void everyMetricTheDashboardQueriesIsInARealServersMetrics() throws Exception {
        String metrics;
        try (TestServer server = TestServer.onH2()) {
            Api admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
            admin.get("/api/v1/zones");
            // The GC pause timer appears with the first collection; a young server may not have had one yet.
            System.gc();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> admin.get("/metrics").body().contains("jvm_gc_pause_seconds_sum"));
            metrics = admin.get("/metrics").body();
        }
        Set<String> exposed = metrics.lines().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
        // Kept for whoever edits the dashboard next: what a fresh server exposes.
        Files.writeString(Path.of("target/metrics.txt"), metrics, StandardCharsets.UTF_8);

        List<String> queried = new ArrayList<>();
        JsonObject dashboard = new JsonObject(Files.readString(DASHBOARD, StandardCharsets.UTF_8));
        for (Object p : dashboard.getJsonArray("panels")) {
            for (Object t : ((JsonObject) p).getJsonArray("targets", new JsonArray())) {
                String expr = ((JsonObject) t).getString("expr");
                Matcher m = NAME.matcher(expr.replaceAll("\\{[^}]*\\}", "").replaceAll("\\[[^]]*\\]", ""));
                while (m.find()) {
                    if (!NOT_METRICS.contains(m.group(1))) {
                        queried.add(m.group(1));
                    }
                }
            }
        }
        assertThat(queried).as("the dashboard queries metrics").hasSizeGreaterThan(8);
        assertThat(exposed).as("/metrics of a running server").containsAll(queried);
    }
}
