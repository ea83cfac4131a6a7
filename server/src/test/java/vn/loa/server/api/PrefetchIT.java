package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.loa.node.AgentOptions;
import vn.loa.node.AgentTuning;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ServerAddress;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Audio;
import vn.loa.server.testing.TcpProxy;

/**
 * Store-and-forward with Loa's own node agent: a notice scheduled for later is fetched ahead, checked by its SHA-256,
 * and played at its time by the node's clock even while the network is down; a corrupt file is never played, and the
 * node hears the live stream instead.
 */
class PrefetchIT extends ApiSuite {

    /** Quick retries, so a node whose link comes back reconnects within a second or two. */
    static final AgentTuning QUICK = new AgentTuning(java.time.Duration.ofMillis(120),
            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), java.time.Duration.ofMillis(200),
            java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30));

    /** The agent's tests are about audio and links, not storage: one database engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void aScheduledNoticeIsFetchedAheadAndPlayedAtItsTimeWhileTheNetworkIsDown() throws Exception {
        String zone = zone("thon-tai-truoc");
        String node = Province.unique("tai-truoc");
        String token = agentNode(node, zone);
        Path recordings = Files.createTempDirectory("loa-prefetch-agent-");
        try (TcpProxy link = new TcpProxy(serverPort())) {
            NodeAgent agent = start(node, token, recordings, link.port());
            try {
                await(() -> online(node), true);
                Instant at = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
                long id = scheduledNotice("Tải trước", "Kính mời bà con dự họp lúc 7h30 sáng mai.", zone, at);

                province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
                await(() -> "RECEIVED".equals(delivery(id, node).getString("state")), true);
                assertThat(delivery(id, node).getString("detail")).contains("SHA-256");
                link.refuse(true);
                link.cut();
                await(() -> online(node), false);

                // Played at its time with no link to the server: the recording is there while the node is offline.
                Path wav = awaitValue(() -> recording(recordings, id));
                assertThat(online(node)).isFalse();
                assertThat(delivery(id, node).getString("state")).isEqualTo("RECEIVED");
                String stamp = wav.getFileName().toString().substring((id + "-").length(), (id + "-").length() + 15);
                assertThat(LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        .atZone(ZoneId.systemDefault()).toInstant()).isAfterOrEqualTo(at);
                link.refuse(false);
                await(() -> "PLAYED".equals(delivery(id, node).getString("state")), true);
                // At its time the programme clock found every node holding it: nothing went live, nothing twice.
                OnAirIT.waitForState(province.clerkA, id, "DONE");
                assertThat(recordings(recordings, id)).isEqualTo(1);

                // What was played is exactly what the server rendered and served.
                Api.Reply served = fetch(id, node, token);
                assertThat(served.status()).isEqualTo(200);
                Path file = Files.write(Files.createTempFile("loa-served-", ".wav"), served.bytes());
                short[] original = Audio.wav(file);
                assertThat(original.length).isGreaterThan(16_000);
                assertThat(Audio.wav(awaitValue(() -> finished(wav)))).isEqualTo(original);
                assertThat(fetch(id, node, "not-the-token").status()).isEqualTo(401);
            } finally {
                agent.close();
            }
        }
    }

    @Test
    void aFetchedNoticeMovedToAnEarlierTimeIsFetchedAgainAndPlayedOnceAtTheNewTime() throws Exception {
        String zone = zone("thon-doi-gio");
        String node = Province.unique("doi-gio");
        String token = agentNode(node, zone);
        Path recordings = Files.createTempDirectory("loa-prefetch-moved-");
        NodeAgent agent = start(node, token, recordings, serverPort());
        try {
            await(() -> online(node), true);
            long id = scheduledNotice("Dời giờ", "Họp dân lúc 8 giờ sáng.", zone,
                    Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS));
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            await(() -> "RECEIVED".equals(delivery(id, node).getString("state")), true);

            Instant moved = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
            Api.Reply reply = province.clerkA.post("/api/v1/announcements/" + id + "/reschedule",
                    new JsonObject().put("at", moved.toString()));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);

            Path wav = awaitValue(() -> recording(recordings, id));
            String stamp = wav.getFileName().toString().substring((id + "-").length(), (id + "-").length() + 15);
            assertThat(LocalDateTime.parse(stamp, DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                    .atZone(ZoneId.systemDefault()).toInstant()).isAfterOrEqualTo(moved);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            await(() -> "PLAYED".equals(delivery(id, node).getString("state")), true);
            assertThat(recordings(recordings, id)).isEqualTo(1);
        } finally {
            agent.close();
        }
    }

    @Test
    void aCorruptDownloadIsReportedFailedAndNeverPlayed() throws Exception {
        String zone = zone("thon-tep-hong");
        String node = Province.unique("tep-hong");
        String token = agentNode(node, zone);
        Path recordings = Files.createTempDirectory("loa-prefetch-corrupt-");
        Instant at = Instant.now().plusSeconds(10);
        long id = scheduledNotice("Tệp hỏng", "Lịch tiêm phòng cho đàn gia cầm vào thứ bảy.", zone, at);

        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
        Path stored = server.config().dataDir().resolve("prefetch").resolve(id + ".wav");
        await(() -> Files.exists(stored) && "PENDING".equals(delivery(id, node).getString("state")), true);
        byte[] bytes = Files.readAllBytes(stored);
        for (int i = 100; i < bytes.length; i += 97) {
            bytes[i] ^= 0x5A; // the same size, other content: only the hash can tell
        }
        Files.write(stored, bytes);
        NodeAgent agent = start(node, token, recordings, serverPort());
        try {
            await(() -> "FAILED".equals(delivery(id, node).getString("state")), true);
            assertThat(delivery(id, node).getString("detail")).contains("SHA-256");
            assertThat(recording(recordings, id)).isNull();

            // At its time the programme clock airs it live, and the node plays the stream instead: 8 kHz G.711,
            // not the 16 kHz file it refused.
            await(() -> "PLAYED".equals(delivery(id, node).getString("state")), true);
            try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(recording(recordings, id).toFile())) {
                assertThat(in.getFormat().getSampleRate()).isEqualTo(8000f);
            }
            assertThat(recordings(recordings, id)).isEqualTo(1);
        } finally {
            agent.close();
        }
    }

    @Test
    void theAudioIsServedOnlyToANodeItWasPrefetchedForWithItsToken() throws Exception {
        String zone = zone("thon-kin");
        String node = Province.unique("kin");
        String token = agentNode(node, zone);
        String stranger = Province.unique("la");
        String strangerToken = agentNode(stranger, zone("thon-khac"));
        long id = scheduledNotice("Kín", "Thông báo nội bộ.", zone, Instant.now().plusSeconds(600));
        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
        await(() -> "PENDING".equals(delivery(id, node).getString("state")), true);

        assertThat(fetch(id, node, token).status()).isEqualTo(200);
        assertRefused(anonymous().get("/api/v1/nodes/prefetch/" + id + ".wav"), 401, "unknown_node");
        assertRefused(fetch(id, node, "wrong"), 401, "unknown_node");
        assertRefused(fetch(id, "no-such-node", token), 401, "unknown_node");
        assertRefused(basic("/api/v1/nodes/prefetch/" + id + ".wav", "Basic !!!not-base64"), 401, "unknown_node");
        assertRefused(fetch(id, stranger, strangerToken), 404, "not_found");
        assertRefused(fetch(id + 1000, node, token), 404, "not_found");
        assertThat(basic("/api/v1/nodes/prefetch/..%2F..%2Fetc%2Fpasswd", credentials(node, token)).status())
                .isBetween(400, 404);
        assertThat(basic("/api/v1/nodes/prefetch/" + id + ".mp3", credentials(node, token)).status()).isEqualTo(400);
        // A user's bearer token is not a node's: the files are for loudspeakers.
        assertRefused(province.admin.get("/api/v1/nodes/prefetch/" + id + ".wav"), 401, "unknown_node");

        province.clerkA.post("/api/v1/announcements/" + id + "/cancel", new JsonObject().put("reason", "hoãn"));
        await(() -> fetch(id, node, token).status() == 404, true);
    }

    private String zone(String name) {
        String zone = Province.unique(name);
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + name, "xa-a")));
        return zone;
    }

    private String agentNode(String node, String zone) {
        return created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu " + node).put("zone", zone).put("kind", "agent"))).json().getString("token");
    }

    private static long scheduledNotice(String title, String text, String zone, Instant at) {
        JsonObject body = new JsonObject().put("title", title).put("text", text).put("chime", true)
                .put("zones", new JsonArray().add(zone)).put("schedule", new JsonObject().put("at", at.toString()));
        long id = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        return id;
    }

    static NodeAgent start(String node, String token, Path recordings, int port) throws Exception {
        return NodeAgent.start(new AgentOptions(ServerAddress.parse("http://127.0.0.1:" + port), node, token,
                recordings, 0, 80), QUICK).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private static int serverPort() {
        return Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
    }

    private static JsonObject delivery(long id, String node) {
        JsonArray rows = province.clerkA.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries");
        for (int i = 0; i < rows.size(); i++) {
            if (node.equals(rows.getJsonObject(i).getString("node"))) {
                return rows.getJsonObject(i);
            }
        }
        return new JsonObject();
    }

    private static Api.Reply fetch(long id, String node, String token) {
        return basic("/api/v1/nodes/prefetch/" + id + ".wav", credentials(node, token));
    }

    static String credentials(String node, String token) {
        return "Basic " + Base64.getEncoder().encodeToString((node + ":" + token).getBytes(StandardCharsets.UTF_8));
    }

    private static Api.Reply basic(String path, String authorization) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(server.baseUrl() + path))
                    .header("Authorization", authorization).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Reply(response.statusCode(), response.body(), response.headers());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean online(String node) {
        return Boolean.TRUE.equals(province.technicianA.get("/api/v1/nodes/" + node).json().getBoolean("online"));
    }

    static Path recording(Path dir, long id) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(id + "-") && f.toString().endsWith(".wav"))
                    .findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static long recordings(Path dir, long id) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(id + "-")).count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    /** The file once its header says it holds all its data: the take has ended. */
    static Path finished(Path wav) {
        try {
            byte[] head = Files.readAllBytes(wav);
            int declared = java.nio.ByteBuffer.wrap(head, 40, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            return declared > 0 && declared == head.length - 44 ? wav : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static void await(Supplier<Boolean> condition, boolean wanted) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(condition::get, c -> c == wanted);
    }

    static <T> T awaitValue(Supplier<T> value) {
        return Awaitility.await().atMost(Duration.ofMinutes(1)).until(value::get, java.util.Objects::nonNull);
    }
}
