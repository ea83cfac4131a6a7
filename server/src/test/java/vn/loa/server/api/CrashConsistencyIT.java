package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * Nothing acknowledged is lost to a crash: a {@link CrashWriter} commits notices, users and schedules through the API
 * while the server is killed with SIGKILL at random moments (right after a restart, while airings run, while it starts
 * and recovers its database), started again on the same data, and every write answered 2xx is checked after each
 * restart and at the end. On H2 and on PostgreSQL.
 *
 * <p>A few kills per database in the suite; {@code ./loa bench crash} runs it long ({@code -Dloa.crash.kills}) and
 * writes the figures to {@code -Dloa.crash.results} (bench/results/crash.json).
 */
class CrashConsistencyIT {

    private static final int KILLS = Integer.getInteger("loa.crash.kills", 3);
    private static final String RESULTS = System.getProperty("loa.crash.results", "");
    private static final JsonObject FIGURES = new JsonObject();

    @Test
    void everyAcknowledgedWriteSurvivesKillsOnH2() throws Exception {
        survivesKills("H2", "");
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillsOnPostgresql() throws Exception {
        survivesKills("PostgreSQL", PostgresCluster.shared().newDatabase());
    }

    private static void survivesKills(String database, String dbUrl) throws Exception {
        Path data = TempDirs.create("loa-crash-");
        int port = ServerProcess.freePort();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> lost = new ArrayList<>();
        JsonArray kills = new JsonArray();
        long started = System.nanoTime();
        try (RtpCapture speaker = new RtpCapture()) {
            ServerProcess server = ServerProcess.start(data, dbUrl, port, Map.of());
            String base = server.baseUrl();
            CrashWriter writer = new CrashWriter(base,
                    CrashWriter.world(Api.signIn(base, "admin", TestServer.ADMIN_PASSWORD), speaker.port()), seed);
            Thread writing = new Thread(writer, "crash-writer");
            writing.start();
            try {
                for (int kill = 1; kill <= KILLS; kill++) {
                    String moment = kill % 5 == 3 ? "starting" : random.nextInt(3) == 0 ? "just restarted" : "running";
                    if (moment.equals("starting")) {
                        // Killed while it opens (and recovers) its database, runs migrations or reconciles the plans.
                        server.kill();
                        server = ServerProcess.launch(data, dbUrl, port, Map.of());
                        Thread.sleep(random.nextInt(4_000)); // deliberate: killed at a random moment of its start
                    } else {
                        // Deliberate: the next kill comes at a random moment of the writes.
                        Thread.sleep(moment.equals("just restarted") ? random.nextInt(1_000)
                                : 1_000 + random.nextInt(11_000));
                    }
                    server.kill();
                    server = ServerProcess.start(data, dbUrl, port, Map.of());
                    List<String> missing = writer.lost();
                    kills.add(new JsonObject().put("moment", moment).put("lost", missing.size()));
                    lost.addAll(missing.stream().map(m -> "after kill " + kills.size() + ": " + m).toList());
                }
            } finally {
                writer.stop();
                writing.join(30_000);
            }
            lost.addAll(writer.lost().stream().map(m -> "at the end: " + m).toList());
            server.close();
            FIGURES.put(database, new JsonObject().put("kills", KILLS).put("killsSurvivedWithNothingLost",
                    lost.isEmpty() ? KILLS : (int) kills.stream().map(JsonObject.class::cast)
                            .takeWhile(k -> k.getInteger("lost") == 0).count())
                    .put("lost", new JsonArray(lost.stream().distinct().limit(50).toList()))
                    .put("acknowledged", writer.acknowledged()).put("seed", seed)
                    .put("seconds", (System.nanoTime() - started) / 1_000_000_000L)
                    .put("dataDirBytes", database.equals("H2") ? Files.size(data.resolve("loa.mv.db")) : null)
                    .put("killMoments", kills));
        }
        assertThat(lost).as("acknowledged writes lost on %s (seed %d)", database, seed).isEmpty();
    }

    @AfterAll
    static void writeResults() throws Exception {
        if (!RESULTS.isBlank()) {
            FIGURES.put("machine", machine());
            Files.writeString(Path.of(RESULTS), FIGURES.encodePrettily() + "\n");
        }
    }

    static JsonObject machine() throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        return new JsonObject().put("date", java.time.Instant.now().toString())
                .put("cores", Runtime.getRuntime().availableProcessors()).put("cpu", cpu)
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                .put("java", System.getProperty("java.version"))
                .put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
    }
}
