package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.Uploads;

/**
 * A server whose data folder sits on a small disk of its own (a 64 MB tmpfs the test mounts; needs root): as the disk
 * fills, uploads are refused with 507 while an emergency still airs, and once space is freed uploads are taken again
 * without a restart.
 */
class DiskSpaceIT {

    private static Path disk;
    private static TestServer server;
    private static Province province;

    @BeforeAll
    static void start() throws Exception {
        disk = TempDirs.create("loa-small-disk-");
        run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString());
        server = TestServer.onH2(Map.of("data.dir", disk.toString(), "disk.min.free", "24"));
        province = new Province(server);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        run("umount", "-l", disk.toString());
    }

    @Test
    void aFillingDiskStopsUploadsNotTheAirAndFreeingItResumesThemWithoutARestart() throws Exception {
        Path work = TempDirs.create("loa-disk-tones-");
        byte[] tone = Uploads.tone(work, "wav", 2);
        assertThat(upload(tone).status()).isEqualTo(201);

        Path filler = disk.resolve("filler.bin");
        long free = Files.getFileStore(disk).getUsableSpace();
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            byte[] block = new byte[1 << 20];
            for (long left = free - (12L << 20); left > 0; left -= block.length) {
                f.write(block); // written, not sparse: tmpfs counts what is there
            }
        }

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

        Files.delete(filler);
        assertThat(upload(tone).status()).as("taken again once space is freed").isEqualTo(201);
        assertThat(new Api(server.baseUrl(), null).get("/health").json().getJsonObject("disk").getString("status"))
                .isEqualTo("UP");
    }

    private static Api.Reply upload(byte[] wav) {
        return province.clerkA.sendBytes("POST", "/api/v1/audio", Uploads.multipart("ban-tin.wav", "audio/wav", wav),
                Uploads.contentType());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + said);
        }
    }
}
