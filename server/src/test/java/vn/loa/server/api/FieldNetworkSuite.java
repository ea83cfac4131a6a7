package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sound.sampled.AudioSystem;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.loa.server.testing.AgentProcess;
import vn.loa.server.testing.FieldNetwork;
import vn.loa.server.testing.TestServer;

/**
 * Live audio across a real field network ({@link FieldNetwork}): a router between the server and a village LAN, and a
 * carrier NAT in front of a 4G speaker box. Loopback hides all of this; here a datagram with TTL 1 dies at the router,
 * and a stream sent to the box's private address or its announced port never arrives. Built once per class, with a
 * server on it and an agent behind the NAT, for {@link FieldNetworkPathsIT} (where the audio goes; it runs beside other
 * ITs) and {@link FieldNetworkIT} (what it asserts in milliseconds; it runs alone). The network's names are fixed, so
 * {@link FieldNetwork#build()} waits while another JVM holds it.
 */
abstract class FieldNetworkSuite {

    /** Keepalives every 2 s, so the NAT tests wait seconds, not the production 15 s. */
    static final int KEEPALIVE_SECONDS = 2;
    static final String NOTICE = "Khẩn cấp: nước sông đang lên nhanh. Bà con vùng trũng di chuyển ngay "
            + "người và tài sản lên nơi cao. Không qua lại ngầm tràn.";

    static FieldNetwork network;
    static TestServer server;
    static Province province;
    static String serverUrl;
    static String natZone;
    static String natNode;
    static AgentProcess natAgent;

    @BeforeAll
    static void start() throws Exception {
        network = FieldNetwork.build();
        server = TestServer.onH2(Map.of("http.host", "0.0.0.0", "rtp.keepalive", String.valueOf(KEEPALIVE_SECONDS),
                "hotline.enabled", "true", "hotline.host", "0.0.0.0", "hotline.port", "0",
                "hotline.public.host", FieldNetwork.SERVER));
        province = new Province(server);
        serverUrl = "http://" + FieldNetwork.SERVER + server.baseUrl().substring(server.baseUrl().lastIndexOf(':'));
        natZone = zone("thon-4g", "Thôn Bốn Gờ");
        natNode = Province.unique("loa-4g");
        natAgent = AgentProcess.start(FieldNetwork.CPE, serverUrl, natNode, agentNode(natNode, natZone));
        awaitThat(() -> path(natNode) != null && path(natNode).getString("observed") != null,
                "the agent behind the NAT is online and its keepalives arrive", natAgent);
    }

    @AfterAll
    static void stop() throws Exception {
        if (natAgent != null) {
            natAgent.close();
        }
        if (server != null) {
            server.close();
        }
        network.close();
    }

    static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "field-receiver");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static String zone(String prefix, String name) {
        String zone = Province.unique(prefix);
        created(province.admin.post("/api/v1/zones", Province.zone(zone, name, "xa-a")));
        return zone;
    }

    /** Registers an agent node and returns its token. */
    static String agentNode(String node, String zone) {
        return created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Loa " + node).put("zone", zone).put("kind", "agent"))).json().getString("token");
    }

    /** Registers an HTTP stream box in {@code zone} and returns its token. */
    static String streamBox(String box, String name, String zone) {
        return created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", box)
                .put("name", name).put("zone", zone).put("kind", "stream"))).json().getString("token");
    }

    static long emergency(String zone) {
        long id = created(province.approverA.post("/api/v1/announcements", new JsonObject().put("title", "Lũ")
                .put("text", NOTICE).put("priority", "EMERGENCY").put("chime", false)
                .put("zones", new JsonArray().add(zone)))).json().getLong("id");
        assertThat(province.approverA.post("/api/v1/announcements/" + id + "/broadcast", null).status())
                .isLessThan(300);
        return id;
    }

    /** How long the notice lasts when spoken, from the server's own preview of it. */
    static double spokenSeconds() throws Exception {
        byte[] wav = province.clerkA.post("/api/v1/tts/preview", new JsonObject().put("text", NOTICE)).bytes();
        try (var audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return audio.getFrameLength() / audio.getFormat().getFrameRate();
        }
    }

    static JsonObject path(String node) {
        return province.technicianA.get("/api/v1/nodes/" + node).json().getJsonObject("path");
    }

    static String state(long id) {
        return province.approverA.get("/api/v1/announcements/" + id).json().getString("state");
    }

    static String deliveryState(long id, String node) {
        JsonArray rows = province.approverA.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries");
        for (int i = 0; i < rows.size(); i++) {
            if (node.equals(rows.getJsonObject(i).getString("node"))) {
                return rows.getJsonObject(i).getString("state");
            }
        }
        return null;
    }

    static double seconds(Path wav) throws Exception {
        try (var audio = AudioSystem.getAudioInputStream(wav.toFile())) {
            return audio.getFrameLength() / audio.getFormat().getFrameRate();
        }
    }

    static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Ends a recording process as Ctrl-C does, so GStreamer and tcpdump finish their files. */
    static void stop(Process process) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static void awaitThat(Supplier<Boolean> condition, String what, AgentProcess agent) {
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> Boolean.TRUE.equals(condition.get()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within 60 s: " + what + "\n--- agent log ---\n" + agent.log()
                    + "\n--- agent threads ---\n" + agent.threadDump(), e);
        }
    }
}
