package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.SmallDisk;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.Uploads;

/**
 * A server whose data folder sits on a small disk of its own (a 64 MB tmpfs the test mounts; needs root): as the disk
 * fills, uploads are refused with 507 and nothing is rendered ahead for node agents while an emergency still airs, and
 * once space is freed uploads are taken and notices rendered ahead again without a restart.
 */
class DiskSpaceIT {

    private static SmallDisk disk;
    private static TestServer server;
    private static Province province;

    @BeforeAll
    static void start() throws Exception {
        disk = SmallDisk.mount("loa-small-disk-", 64);
        server = disk.startServer();
        province = new Province(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (disk != null) {
            disk.close();
        }
    }

    @Test
    void aFillingDiskStopsUploadsNotTheAirAndFreeingItResumesThemWithoutARestart() throws Exception {
        Path work = TempDirs.create("loa-disk-tones-");
        byte[] tone = Uploads.tone(work, "wav", 2);
        assertThat(upload(tone).status()).isEqualTo(201);

        Path filler = disk.fill(12L << 20);

        Api.Reply refused = upload(tone);
        ApiSuite.assertRefused(refused, 507, "insufficient_storage");
        assertThat(refused.json().getString("message")).contains("dung lượng");
        JsonObject health = new Api(server.baseUrl(), null).get("/health").json();
        assertThat(health.getString("status")).isEqualTo("DEGRADED");
        assertThat(health.getJsonObject("disk").getString("status")).isEqualTo("DEGRADED");

        // The air goes on: an emergency reaches its loudspeaker while uploads are refused.
        String zone = Province.unique("thon-dia");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Đĩa", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-dia"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            long id = created(province.approverA.post("/api/v1/announcements", new JsonObject().put("title", "Cháy")
                    .put("text", "Cháy ở chợ, bà con tránh xa.").put("priority", "EMERGENCY").put("chime", false)
                    .put("zones", new JsonArray().add(zone)))).json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + id + "/broadcast", null);
            assertThat(speaker.receive(1500, 30_000)).hasSizeGreaterThan(50);
        }

        // Nothing is rendered ahead for a node agent while the disk is low: it will get the live stream instead.
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("dau-thu-dia"))
                .put("name", "Đầu thu").put("zone", zone).put("kind", "agent")));
        long low = scheduled(zone, 60);
        Path prefetched = disk.folder().resolve("prefetch");
        Thread.sleep(3_000); // deliberate: proves that nothing is rendered ahead during this window
        assertThat(prefetched.resolve(low + ".wav")).as("not rendered ahead on a low disk").doesNotExist();
        assertThat(prefetched.resolve(low + ".wav.part")).doesNotExist();

        Files.delete(filler);
        assertThat(upload(tone).status()).as("taken again once space is freed").isEqualTo(201);
        long later = scheduled(zone, 900);
        await().alias("rendered ahead again once space is freed").atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(prefetched.resolve(later + ".wav")));
        assertThat(new Api(server.baseUrl(), null).get("/health").json().getJsonObject("disk").getString("status"))
                .isEqualTo("UP");
    }

    /** A notice approved and broadcast for {@code seconds} ahead: one node agents would be sent ahead of time. */
    private static long scheduled(String zone, int seconds) {
        JsonObject body = Province.notice("Họp thôn", zone).put("schedule", new JsonObject()
                .put("at", java.time.Instant.now().plusSeconds(seconds).toString()));
        long id = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        assertThat(province.approverA.post("/api/v1/announcements/" + id + "/broadcast", null).status()).isEqualTo(200);
        return id;
    }

    private static Api.Reply upload(byte[] wav) {
        return province.clerkA.sendBytes("POST", "/api/v1/audio", Uploads.multipart("ban-tin.wav", "audio/wav", wav),
                Uploads.contentType());
    }
}
