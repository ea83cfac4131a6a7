package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.backup.BackupCommand;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * The running server's own daily backups (ADR 0030), on a clock the test moves: one at the set time of Vietnam's
 * day, the oldest deleted beyond the count, each audited, a failure shown in {@code /health} until the next success,
 * and a daily backup restores like one from {@code loa backup}.
 */
class DailyBackupIT {

    /** 19:00 UTC is 02:00 in Vietnam: half an hour before the daily time. */
    private static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-12-06T19:00:00Z"));
    private static TestServer server;
    private static Api admin;
    private static Path backups;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("backup.daily.at", "02:30", "backup.keep", "2"), CLOCK);
        admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        backups = server.config().dataDir().resolve("backups");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theServerBacksItselfUpDailyKeepsTheNewestAndShowsAFailure() throws Exception {
        String zone = Province.unique("thon-sao-luu-hang-ngay");
        Province.created(admin.post("/api/v1/zones", Province.zone(zone, "Thôn sao lưu hằng ngày", null)));
        Province.created(admin.post("/api/v1/announcements", Province.notice("Họp dân tối nay", zone)));
        assertThat(health().getString("state")).isEqualTo("NONE");
        Thread.sleep(2500); // deliberate: proves that no backup is made during this window, before 02:30
        assertThat(dailyFiles()).as("nothing before 02:30").isEmpty();

        CLOCK.advance(Duration.ofMinutes(31));
        awaitFiles("loa-2026-12-07-0231.zip");
        JsonObject last = health().getJsonObject("last");
        assertThat(health().getString("state")).isEqualTo("OK");
        assertThat(last.getString("file")).isEqualTo("loa-2026-12-07-0231.zip");
        assertThat(last.getLong("bytes")).isEqualTo(Files.size(backups.resolve("loa-2026-12-07-0231.zip")));
        System.out.printf("daily backup of a test data dir: %d bytes in %.1f s%n", last.getLong("bytes"),
                last.getDouble("seconds"));
        assertThat(restoredTitles(backups.resolve("loa-2026-12-07-0231.zip"))).contains("Họp dân tối nay");

        CLOCK.advance(Duration.ofDays(1));
        awaitFiles("loa-2026-12-07-0231.zip", "loa-2026-12-08-0231.zip");
        CLOCK.advance(Duration.ofDays(1));
        awaitFiles("loa-2026-12-08-0231.zip", "loa-2026-12-09-0231.zip");

        // The folder becomes a file: the next backup cannot be written, and /health says so.
        Path moved = backups.resolveSibling("backups-away");
        Files.move(backups, moved);
        Files.writeString(backups, "not a folder");
        CLOCK.advance(Duration.ofDays(1));
        JsonObject failed = awaitState("FAILED");
        assertThat(failed.getJsonObject("failure").getString("message")).contains("backups");
        assertThat(failed.getJsonObject("last").getString("file")).isEqualTo("loa-2026-12-09-0231.zip");

        Files.delete(backups);
        Files.move(moved, backups);
        CLOCK.advance(Duration.ofDays(1));
        awaitFiles("loa-2026-12-09-0231.zip", "loa-2026-12-11-0231.zip");
        assertThat(awaitState("OK").containsKey("failure")).isFalse();

        List<String> audited = server.loa().jdbi().withHandle(h -> h.createQuery(
                "SELECT action || ' ' || target FROM audit WHERE action LIKE 'backup.%' ORDER BY id").mapTo(String.class)
                .list());
        assertThat(audited).containsExactly("backup.daily loa-2026-12-07-0231.zip", "backup.daily loa-2026-12-08-0231.zip",
                "backup.daily loa-2026-12-09-0231.zip", "backup.failed loa-2026-12-10-0231.zip",
                "backup.daily loa-2026-12-11-0231.zip");
        String metrics = admin.get("/metrics").body();
        assertThat(metrics).contains("loa_backup_failed 0.0").contains("loa_backup_last_timestamp_seconds 1.7");
    }

    private static JsonObject health() {
        return admin.get("/health").json().getJsonObject("backup");
    }

    private static List<String> dailyFiles() throws Exception {
        if (!Files.isDirectory(backups)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(backups)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void awaitFiles(String... expected) throws Exception {
        await().atMost(Duration.ofMinutes(1)).until(DailyBackupIT::dailyFiles, List.of(expected)::equals);
    }

    private static JsonObject awaitState(String state) throws Exception {
        return await().atMost(Duration.ofMinutes(1)).until(DailyBackupIT::health, h -> state.equals(h.getString("state")));
    }

    /** Restores a daily backup with {@code loa restore} into an empty folder; the notices' titles in it. */
    private static List<String> restoredTitles(Path file) throws Exception {
        Path restored = TempDirs.create("loa-daily-restored-");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BackupCommand.run(new String[] {"restore", file.toString()},
                Map.of("LOA_DATA_DIR", restored.toString(), "LOA_HTTP_PORT", String.valueOf(ServerProcess.freePort())),
                new PrintStream(out, true, StandardCharsets.UTF_8), Clock.systemUTC());
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("loa")
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "", "");
                ResultSet rows = c.createStatement().executeQuery("SELECT title FROM announcement")) {
            List<String> titles = new java.util.ArrayList<>();
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
            return titles;
        }
    }
}
