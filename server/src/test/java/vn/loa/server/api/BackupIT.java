package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * {@code loa backup} while a writer keeps creating notices on a running server, then {@code loa restore} into an
 * empty data folder (and an empty database) and a server started on it: every notice acknowledged before the backup
 * began is there. On H2 (the append-only file, ADR 0015) and on PostgreSQL (pg_dump).
 */
class BackupIT {

    @Test
    void aBackupTakenWhileNoticesAreWrittenRestoresEveryEarlierNoticeOnH2() throws Exception {
        roundTrip("", "");
    }

    @Test
    void aBackupTakenWhileNoticesAreWrittenRestoresEveryEarlierNoticeOnPostgresql() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")), "pg_dump is not installed (postgresql-client)");
        roundTrip(PostgresCluster.shared().newDatabase(), PostgresCluster.shared().newDatabase());
    }

    private static void roundTrip(String dbUrl, String restoredUrl) throws Exception {
        Path data = TempDirs.create("loa-backup-");
        Path file = TempDirs.create("loa-backup-file-").resolve("loa-backup.zip");
        int port = ServerProcess.freePort();
        List<String> acked = new CopyOnWriteArrayList<>();
        try (ServerProcess server = ServerProcess.start(data, dbUrl, port, Map.of())) {
            Api admin = Api.signIn(server.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
            String zone = Province.unique("thon-sao-luu");
            Province.created(admin.post("/api/v1/zones", Province.zone(zone, "Thôn sao lưu", null)));
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    String title = "Thông báo số " + i;
                    if (admin.post("/api/v1/announcements", Province.notice(title, zone)).status() == 201) {
                        acked.add(title);
                    }
                }
            }, "backup-writer");
            writer.start();
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() -> acked.size() >= 30);
            List<String> beforeBackup = List.copyOf(acked);
            Command backup = command(data, dbUrl, port, "backup", file);
            int afterBackup = acked.size();
            writing.set(false);
            writer.join();

            assertThat(backup.status()).as(backup.output()).isZero();
            assertThat(backup.output()).contains("khi đang chạy / online");
            assertThat(afterBackup).as("the writer kept writing during the backup").isGreaterThan(beforeBackup.size());

            Path restored = TempDirs.create("loa-restored-");
            int port2 = ServerProcess.freePort();
            Command restore = command(restored, restoredUrl, port2, "restore", file);
            assertThat(restore.status()).as(restore.output()).isZero();
            try (ServerProcess again = ServerProcess.start(restored, restoredUrl, port2, Map.of())) {
                Api reader = Api.signIn(again.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                assertThat(titles(reader)).containsAll(beforeBackup);
            }
            // Nothing is restored over data: a second restore into the same folder is refused.
            Command twice = command(restored, restoredUrl, ServerProcess.freePort(), "restore", file);
            assertThat(twice.status()).isEqualTo(1);
            assertThat(twice.output()).contains("not empty");
        }
    }

    private static List<String> titles(Api reader) {
        List<String> titles = new java.util.ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            var page = reader.get("/api/v1/announcements?limit=500&offset=" + offset).array();
            page.stream().map(o -> ((JsonObject) o).getString("title")).forEach(titles::add);
            if (page.size() < 500) {
                return titles;
            }
        }
    }

    private record Command(int status, String output) {
    }

    /** Runs {@code loa backup|restore FILE} as the launcher does: its own JVM with the server's settings. */
    private static Command command(Path data, String dbUrl, int port, String what, Path file)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> line = new java.util.ArrayList<>(List.of(java));
        line.addAll(ServerProcess.jvmOptions());
        line.addAll(List.of("-cp", System.getProperty("java.class.path"), "vn.loa.server.backup.BackupCommand", what,
                file.toString()));
        ProcessBuilder pb = new ProcessBuilder(line).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(Map.of("LOA_DATA_DIR", data.toString(), "LOA_DB_URL", dbUrl,
                "LOA_HTTP_PORT", String.valueOf(port), "LOA_HTTP_HOST", "127.0.0.1"));
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Command(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
