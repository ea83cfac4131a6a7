package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.Correlation;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.node.AgentOptions;
import vn.loa.node.AgentTuning;
import vn.loa.node.NodeAgent;
import vn.loa.node.control.ServerAddress;
import vn.loa.server.testing.Audio;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.TcpProxy;

/** Loa's own node agent against the real server: it records what was sent and survives a cut network path. */
class NodeAgentIT extends ApiSuite {

    /** The agent's tests are about audio and links, not storage: one database engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void agentRecordsTheBroadcastAndSurvivesACutControlLink() throws Exception {
        String zone = Province.unique("thon-dau-thu");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Đầu Thu", "xa-a")));
        String node = Province.unique("dau-thu");
        String token = agentToken(node, zone, new JsonObject().put("name", "Đầu thu"));
        Path recordings = Files.createTempDirectory("loa-agent-");
        int serverPort = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));

        try (TcpProxy link = new TcpProxy(serverPort); RtpCapture reference = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ref"))
                    .put("name", "Loa đối chứng").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + reference.port())));
            NodeAgent agent = NodeAgent.start(new AgentOptions(ServerAddress.parse("http://127.0.0.1:" + link.port()),
                    node, token, recordings, 0, 80), AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            try {
                await(() -> online(node), true);

                var sentLater = reference.receiveInBackground(2500, 120_000);
                long id = OnAirIT.approvedNotice("Đầu thu", OnAirIT.LONG_TEXT, zone, true);
                province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
                OnAirIT.waitForState(province.clerkA, id, "ON_AIR");
                reference.awaitReceived(75);
                link.cut();
                await(() -> online(node), false);
                await(() -> online(node), true);

                List<RtpPacket> sent = sentLater.get();
                OnAirIT.waitForState(province.clerkA, id, "DONE");
                Path wav = await(() -> recording(recordings, id), true) ? recordingPath(recordings, id) : null;
                short[] heard = Audio.wav(wav);
                short[] original = Audio.pcmu(sent);
                int lag = Correlation.bestLag(original, heard, 4000);
                assertThat(Correlation.normalised(original, heard, lag)).isGreaterThanOrEqualTo(0.9);
                assertThat(heard.length / 8000.0).isCloseTo(original.length / 8000.0,
                        org.assertj.core.data.Percentage.withPercentage(2));
            } finally {
                agent.close();
            }
        }
    }

    @Test
    void anAgentThatConnectsMidBroadcastGetsThePlayAndDecryptsTheRestOfIt() throws Exception {
        String zone = Province.unique("thon-den-muon");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Đến Muộn", "xa-a")));
        String node = Province.unique("den-muon");
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu đến muộn").put("zone", zone).put("kind", "agent"))).json().getString("token");
        Path recordings = Files.createTempDirectory("loa-late-agent-");
        try (RtpCapture reference = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ref"))
                    .put("name", "Loa đối chứng").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + reference.port())));
            long id = OnAirIT.approvedNotice("Đến muộn", OnAirIT.LONG_TEXT, zone, false);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            var listening = reference.receiveInBackground(2500, 120_000);
            // The node joins once the zone has heard the first 3 s (150 packets) of the notice.
            await(() -> reference.received() >= 150, true);

            NodeAgent agent = NodeAgent.start(new AgentOptions(ServerAddress.parse(server.baseUrl()), node, token,
                    recordings, 0, 80), AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            try {
                List<RtpPacket> sent = listening.get(120, TimeUnit.SECONDS);
                OnAirIT.waitForState(province.clerkA, id, "DONE");
                await(() -> "PLAYED".equals(deliveryState(id, node)), true);
                short[] heard = Audio.wav(recordingPath(recordings, id));
                double seconds = heard.length / 8000.0;
                // Only the rest of it, from the moment it joined, and all of that decrypted (speech, not noise).
                assertThat(seconds).isGreaterThan(2).isLessThan(Audio.pcmu(sent).length / 8000.0 - 2.5);
                assertThat(agent.reception().malformed()).isZero();
                double energy = 0;
                for (short v : heard) {
                    energy += (double) v * v;
                }
                double rms = Math.sqrt(energy / heard.length);
                assertThat(rms).isGreaterThan(300);

                // Its heartbeats report what RTP brought it; the server keeps the last figures after it leaves.
                await(() -> packetsReceived(node) >= 100, true);
                JsonObject status = province.technicianA.get("/api/v1/nodes/" + node).json().getJsonObject("status");
                assertThat(status.getLong("packetsLost")).isNotNegative();
                assertThat(status.getDouble("lossPercent")).isBetween(0.0, 100.0);
                assertThat(status.getDouble("jitterMs")).isNotNegative();
            } finally {
                agent.close();
            }
            await(() -> online(node), false);
            assertThat(packetsReceived(node)).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void agentsThatComeBackMidNoticeHearTheRestOnlyWithinTheirOnHours() throws Exception {
        String zone = Province.unique("thon-ve-lai");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Về Lại", "xa-a")));
        int serverPort = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
        try (TcpProxy awakeLink = new TcpProxy(serverPort); TcpProxy restingLink = new TcpProxy(serverPort);
                RtpCapture reference = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ref"))
                    .put("name", "Loa đối chứng").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + reference.port())));
            String awake = Province.unique("trong-gio");
            String resting = Province.unique("ngoai-gio");
            Path awakeRecordings = Files.createTempDirectory("loa-awake-agent-");
            Path restingRecordings = Files.createTempDirectory("loa-resting-agent-");
            NodeAgent awakeAgent = agentWithHours(awake, zone, NodePlaceAndHoursIT.hoursAround(-2, 1), awakeLink,
                    awakeRecordings);
            NodeAgent restingAgent = agentWithHours(resting, zone, NodePlaceAndHoursIT.hoursAround(2, 3), restingLink,
                    restingRecordings);
            try {
                await(() -> online(awake) && online(resting), true);
                long id = OnAirIT.approvedNotice("Về lại", OnAirIT.LONG_TEXT, zone, false);
                province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
                var listening = reference.receiveInBackground(2500, 120_000);
                // Two seconds into the notice both control links drop and both agents come back.
                await(() -> reference.received() >= 100, true);
                awakeLink.cut();
                restingLink.cut();
                await(() -> online(awake) || online(resting), false);
                await(() -> online(awake) && online(resting), true);
                // The premise: they are back while the notice is still on air (it lasts over ten seconds).
                assertThat(province.clerkA.get("/api/v1/announcements/" + id).json().getString("state"))
                        .isEqualTo("ON_AIR");
                long beforeReturn = awakeAgent.reception().received();

                listening.get(120, TimeUnit.SECONDS);
                OnAirIT.waitForState(province.clerkA, id, "DONE");
                await(() -> "PLAYED".equals(deliveryState(id, awake)), true);
                assertThat(awakeAgent.reception().received()).as("the rest, after it came back")
                        .isGreaterThan(beforeReturn);
                assertThat(recordingPath(awakeRecordings, id)).isNotNull();

                assertThat(restingAgent.reception().received()).as("RTP packets at the node outside its hours").isZero();
                assertThat(recordingPath(restingRecordings, id)).isNull();
                JsonObject row = delivery(id, resting);
                assertThat(row).isNotNull();
                assertThat(row.getString("state")).isEqualTo("FAILED");
                assertThat(row.getString("detail")).contains("skipped: outside on-hours");
            } finally {
                awakeAgent.close();
                restingAgent.close();
            }
        }
    }

    @Test
    void anAgentInAZoneSetToSixtyMillisecondPacketsRecordsTheWholeNotice() throws Exception {
        String zone = Province.unique("thon-4g-agent");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn 4G Đầu Thu", "xa-a")));
        String node = Province.unique("dau-thu-4g");
        String token = agentToken(node, zone, new JsonObject().put("name", "Đầu thu 4G").put("codec", "OPUS"));
        Path recordings = Files.createTempDirectory("loa-agent-4g-");
        try (RtpCapture reference = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ref"))
                    .put("name", "Loa đối chứng").put("zone", zone).put("kind", "rtp").put("codec", "OPUS")
                    .put("address", "127.0.0.1:" + reference.port())));
            NodeAgent agent = NodeAgent.start(new AgentOptions(ServerAddress.parse(server.baseUrl()), node, token,
                    recordings, 0, 80), AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            try {
                await(() -> online(node), true);
                // Set while the agent is connected: its channel is closed so it is welcomed to the 60 ms stream.
                // The first answer measures Opus on spoken Vietnamese (once per server): on a loaded machine it may
                // outlast the client's 30 s, and the setting is taken all the same; asked again, it answers at once.
                Awaitility.await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> province.technicianA
                        .put("/api/v1/zones/" + zone + "/packet-time", new JsonObject().put("opusPacketTime", 60))
                        .status() == 200);
                await(() -> agent.channel().welcomes() >= 2 && online(node), true);

                var listening = reference.receiveInBackground(2500, 120_000);
                long id = OnAirIT.approvedNotice("Bốn G", OnAirIT.LONG_TEXT, zone, true);
                province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
                List<RtpPacket> sent = listening.get(120, TimeUnit.SECONDS);
                OnAirIT.waitForState(province.clerkA, id, "DONE");
                await(() -> "PLAYED".equals(deliveryState(id, node)), true);

                short[] original = Audio.eighth(Audio.opus(sent));
                short[] heard = Audio.eighth(Audio.wav(recordingPath(recordings, id)));
                int lag = Correlation.bestLag(original, heard, 4000);
                assertThat(Correlation.normalised(original, heard, lag)).isGreaterThanOrEqualTo(0.9);
                double seconds = heard.length / 8000.0;
                assertThat(seconds).isCloseTo(original.length / 8000.0, org.assertj.core.data.Percentage.withPercentage(3));
                // 60 ms a packet: about 17 packets a second reached the agent, not 50.
                assertThat(agent.reception().received() / seconds).isBetween(12.0, 22.0);
                assertThat(agent.reception().malformed()).isZero();
            } finally {
                agent.close();
            }
        }
    }

    /** Registers agent {@code node} in {@code zone} with the other fields of {@code fields}; its token. */
    private static String agentToken(String node, String zone, JsonObject fields) {
        return created(province.technicianA.post("/api/v1/nodes", fields.put("id", node).put("zone", zone)
                .put("kind", "agent"))).json().getString("token");
    }

    /** A node agent with these on-hours in {@code zone}, connected to the server through {@code link}. */
    private static NodeAgent agentWithHours(String node, String zone, String onHours, TcpProxy link, Path recordings)
            throws Exception {
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu " + node).put("zone", zone).put("kind", "agent").put("onHours", onHours)))
                .json().getString("token");
        return NodeAgent.start(new AgentOptions(ServerAddress.parse("http://127.0.0.1:" + link.port()), node, token,
                recordings, 0, 80), AgentTuning.DEFAULT).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }


    private long packetsReceived(String node) {
        JsonObject status = province.technicianA.get("/api/v1/nodes/" + node).json().getJsonObject("status");
        return status == null ? 0 : status.getLong("packetsReceived");
    }

    private String deliveryState(long id, String node) {
        JsonObject row = delivery(id, node);
        return row == null ? null : row.getString("state");
    }

    /** The delivery row of {@code node} for announcement {@code id}, or null. */
    private JsonObject delivery(long id, String node) {
        var rows = province.clerkA.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries");
        for (int i = 0; i < rows.size(); i++) {
            if (node.equals(rows.getJsonObject(i).getString("node"))) {
                return rows.getJsonObject(i);
            }
        }
        return null;
    }

    private boolean online(String node) {
        return Boolean.TRUE.equals(province.technicianA.get("/api/v1/nodes/" + node).json().getBoolean("online"));
    }

    private static boolean recording(Path dir, long id) {
        return recordingPath(dir, id) != null;
    }

    private static Path recordingPath(Path dir, long id) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(id + "-") && f.toString().endsWith(".wav"))
                    .findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static boolean await(Supplier<Boolean> condition, boolean wanted) {
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(condition::get, c -> c == wanted);
        return true;
    }
}
