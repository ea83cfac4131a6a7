package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.util.Properties;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.config.LoaConfig;

/** The set-up the benchmarks that run a server in this JVM share: its settings, one zone with one RTP speaker. */
final class InProcessSetup {

    private InProcessSetup() {
    }

    /** Defaults on the embedded H2 in a fresh data folder named after {@code name}, on a free loopback port. */
    static LoaConfig config(String name, String adminPassword) throws IOException {
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", Files.createTempDirectory("loa-bench-" + name + "-").toString());
        p.setProperty("http.port", "0");
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("admin.password", adminPassword);
        return ConfigLoader.from(p);
    }

    /** The zone {@code do} (Thôn Đo) with the one RTP node {@code loa-do} sending to a loopback UDP port. */
    static void speakerZone(HttpClient http, String base, String token, int udpPort) throws Exception {
        BenchApi.send(http, base, token, "POST", "/api/v1/zones", new JsonObject().put("id", "do").put("name", "Thôn Đo"));
        BenchApi.send(http, base, token, "POST", "/api/v1/nodes", new JsonObject().put("id", "loa-do")
                .put("name", "Loa đo").put("zone", "do").put("kind", "rtp").put("address", "127.0.0.1:" + udpPort));
    }

    /** The {@code p}th percentile (nearest rank) of ascending values; NaN when there are none. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
