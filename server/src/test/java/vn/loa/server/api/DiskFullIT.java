package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.SmallDisk;
import vn.loa.server.testing.TestServer;

/**
 * The embedded H2 database on a disk that fills up to the last byte (a 64 MB tmpfs the test mounts; needs root). H2
 * closes its database when a write fails; before ADR 0025 every request then answered 500 until a restart. Now: while
 * the disk is full, writes are refused with 507 {@code insufficient_storage}, and once space is freed the pool opens the
 * database again by itself (append-only, ADR 0015), writes go through without a restart, and what was committed before
 * is still there. Each round measures the time from the space being freed to the first write that succeeds.
 *
 * <p>While the disk is full to the last byte nothing can be committed, so no new notice, emergency or hotline call
 * can be created then (each is a committed row first); the free-space limit ({@code disk.min.free}) is there so the
 * server's own writers never get it that far.
 *
 * <p>{@code ./loa bench disk} runs it with more rounds ({@code -Dloa.disk.rounds}) and writes the figures to
 * {@code -Dloa.disk.results} (bench/results/disk.json).
 */
class DiskFullIT {

    private static SmallDisk disk;
    private static TestServer server;
    private static Province province;

    @BeforeAll
    static void start() throws Exception {
        disk = SmallDisk.mount("loa-full-disk-", 64);
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
    void aFullDiskRefusesWritesWith507AndFreeingItBringsTheDatabaseBackWithoutARestart()
            throws Exception {
        int rounds = Integer.getInteger("loa.disk.rounds", 2);
        String zone = Province.unique("thon-day");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Đầy", "xa-a")));
        List<Long> recoveries = new ArrayList<>();
        List<Integer> statusesWhileFull = new ArrayList<>();
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-day"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            for (int round = 0; round < rounds; round++) {
                long before = created(province.clerkA.post("/api/v1/announcements", Province.notice("Trước", zone)))
                        .json().getLong("id");
                Path filler = disk.fill(0);
                Api.Reply whileFull = province.clerkA.post("/api/v1/announcements", Province.notice("Khi đầy", zone));
                for (int i = 0; i < 3 && whileFull.status() < 300; i++) {
                    // The first writes may still fit in what the file system had left.
                    whileFull = province.clerkA.post("/api/v1/announcements", Province.notice("Khi đầy", zone));
                }
                statusesWhileFull.add(whileFull.status());
                ApiSuite.assertRefused(whileFull, 507, "insufficient_storage");

                Files.delete(filler);
                long freed = System.nanoTime();
                Api.Reply after = await().alias("a write after the space came back").atMost(Duration.ofMinutes(1))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                        .until(() -> province.clerkA.post("/api/v1/announcements", Province.notice("Sau", zone)),
                                reply -> reply.status() == 201);
                long recoveredMs = (System.nanoTime() - freed) / 1_000_000;
                System.out.println("recovered after " + recoveredMs + " ms: " + after);
                recoveries.add(recoveredMs);
                assertThat(province.clerkA.get("/api/v1/announcements/" + before).status())
                        .as("committed before the disk filled").isEqualTo(200);
            }
            // The air after it all: an emergency created and broadcast now reaches its loudspeaker.
            long emergency = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Cháy").put("text", "Cháy ở chợ, bà con tránh xa.").put("priority", "EMERGENCY")
                    .put("chime", false).put("zones", new JsonArray().add(zone)))).json().getLong("id");
            assertThat(province.approverA.post("/api/v1/announcements/" + emergency + "/broadcast", null).status())
                    .isEqualTo(200);
            assertThat(speaker.receive(1500, 30_000)).hasSizeGreaterThan(50);
            OnAirIT.waitForState(province.approverA, emergency, "DONE");
        }
        System.out.println("recoveries ms: " + recoveries + ", statuses while full: " + statusesWhileFull);
        String results = System.getProperty("loa.disk.results", "");
        if (!results.isBlank()) {
            List<Long> sorted = recoveries.stream().sorted().toList();
            JsonObject figures = new JsonObject()
                    .put("benchmark", "embedded H2 on a 64 MB tmpfs filled to the last byte, then freed: time from the "
                            + "filler's deletion to the first API write answered 201, polled every 50 ms")
                    .put("rounds", rounds)
                    .put("recoveryMs", new JsonObject().put("median", sorted.get(sorted.size() / 2))
                            .put("max", sorted.get(sorted.size() - 1)).put("all", new JsonArray(recoveries)))
                    .put("statusWhileFull", new JsonArray(statusesWhileFull))
                    .put("restarts", 0)
                    .put("machine", CrashConsistencyIT.machine());
            Files.writeString(Path.of(results), figures.encodePrettily() + "\n");
        }
    }
}
