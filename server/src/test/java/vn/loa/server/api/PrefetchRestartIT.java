package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.node.NodeAgent;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Audio;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * Store-and-forward survives a server restart: the server killed between the fetch and the play time still knows which
 * nodes hold the notice (they get no live copy) and still serves it to a node that was offline, with the real agent.
 */
@RunsAlone("a notice 20 s ahead must be fetched across a kill and a restart before it airs; a busy machine misses it")
class PrefetchRestartIT {

    @Test
    void onH2ANoticeFetchedBeforeAKillIsPlayedOnceAndANodeThatWasOfflineStillFetchesItAfterTheRestart()
            throws Exception {
        survivesAKill("");
    }

    @Test
    void onPostgresqlANoticeFetchedBeforeAKillIsPlayedOnceAndANodeThatWasOfflineStillFetchesItAfterTheRestart()
            throws Exception {
        survivesAKill(PostgresCluster.shared().newDatabase());
    }

    private static void survivesAKill(String dbUrl) throws Exception {
        Path data = TempDirs.create("loa-prefetch-restart-");
        int port = ServerProcess.freePort();
        Path early = TempDirs.create("loa-prefetch-early-");
        Path late = TempDirs.create("loa-prefetch-late-");
        String zone = Province.unique("thon-khoi-dong-lai");
        String fetchedNode = Province.unique("da-tai");
        String offlineNode = Province.unique("vang-mat");
        String fetchedToken;
        String offlineToken;
        long id;
        NodeAgent fetcher = null;
        NodeAgent latecomer = null;
        try {
            try (ServerProcess first = ServerProcess.start(data, dbUrl, port, Map.of())) {
                Api admin = Api.signIn(first.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                Province.created(admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + zone, null)));
                fetchedToken = agentNode(admin, fetchedNode, zone);
                offlineToken = agentNode(admin, offlineNode, zone);
                fetcher = PrefetchIT.start(fetchedNode, fetchedToken, early, port);
                PrefetchIT.await(() -> online(admin, fetchedNode), true);
                id = scheduled(admin, zone, Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.SECONDS));
                PrefetchIT.await(() -> "RECEIVED".equals(delivery(admin, id, fetchedNode).getString("state")), true);
                assertThat(delivery(admin, id, offlineNode).getString("state")).isEqualTo("PENDING");
                first.kill();
            }

            try (ServerProcess second = ServerProcess.start(data, dbUrl, port, Map.of())) {
                Api admin = Api.signIn(second.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                // The node that was offline during the prefetch is still told to fetch it, and the file is served.
                latecomer = PrefetchIT.start(offlineNode, offlineToken, late, port);
                PrefetchIT.await(() -> "RECEIVED".equals(delivery(admin, id, offlineNode).getString("state")), true);
                assertThat(delivery(admin, id, offlineNode).getString("detail")).contains("SHA-256");

                // At its time every node plays its stored copy; the server, knowing both hold it, sends nothing live.
                JsonObject done = OnAirIT.waitForState(admin, id, "DONE");
                assertThat(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                        .filter(t -> t.getString("to").equals("ON_AIR")).count()).isEqualTo(1);
                for (String node : new String[] {fetchedNode, offlineNode}) {
                    PrefetchIT.await(() -> "PLAYED".equals(delivery(admin, id, node).getString("state")), true);
                }
                short[] served = Audio.wav(Files.write(data.resolve("served.wav"),
                        served(second.baseUrl(), id, fetchedNode, fetchedToken)));
                assertThat(served.length).isGreaterThan(16_000);
                for (Path recordings : new Path[] {early, late}) {
                    Path wav = PrefetchIT.awaitValue(() -> PrefetchIT.finished(PrefetchIT.recording(recordings, id)));
                    assertThat(Audio.wav(wav)).as("the stored file, sample for sample").isEqualTo(served);
                    assertThat(PrefetchIT.recordings(recordings, id)).as("one take: no live copy").isEqualTo(1);
                }
            }
        } finally {
            if (fetcher != null) {
                fetcher.close();
            }
            if (latecomer != null) {
                latecomer.close();
            }
        }
    }

    private static String agentNode(Api admin, String node, String zone) {
        return Province.created(admin.post("/api/v1/nodes", new JsonObject().put("id", node).put("name", "Đầu thu")
                .put("zone", zone).put("kind", "agent"))).json().getString("token");
    }

    private static long scheduled(Api admin, String zone, Instant at) {
        long id = Province.created(admin.post("/api/v1/announcements", new JsonObject().put("title", "Khởi động lại")
                .put("text", "Kính mời bà con dự họp lúc 7h30 sáng mai.").put("chime", true)
                .put("zones", new JsonArray().add(zone)).put("schedule", new JsonObject().put("at", at.toString()))))
                .json().getLong("id");
        admin.post("/api/v1/announcements/" + id + "/approve", null);
        assertThat(admin.post("/api/v1/announcements/" + id + "/broadcast", null).json().getString("state"))
                .isEqualTo("SCHEDULED");
        return id;
    }

    private static boolean online(Api admin, String node) {
        return Boolean.TRUE.equals(admin.get("/api/v1/nodes/" + node).json().getBoolean("online"));
    }

    private static JsonObject delivery(Api admin, long id, String node) {
        JsonArray rows = admin.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries");
        return rows.stream().map(JsonObject.class::cast).filter(r -> node.equals(r.getString("node"))).findFirst()
                .orElse(new JsonObject());
    }

    private static byte[] served(String base, long id, String node, String token) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(java.net.URI.create(base + "/api/v1/nodes/prefetch/" + id + ".wav"))
                        .header("Authorization", PrefetchIT.credentials(node, token)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
