package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import vn.loa.server.LoaServer;
import vn.loa.server.backup.BackupCommand;
import vn.loa.server.config.ConfigLoader;

/**
 * {@code loa backup} of a running server on H2 with 10,000 announcements and 1 GB of audio, then {@code loa restore}
 * of it into an empty folder: both times, and the backup's size. The audio is pseudo-random bytes, which compress as
 * little as MP3 or Opus do (the worst case for the archive's time).
 */
final class BackupBench {

    private static final int NOTICES = Integer.getInteger("loa.bench.backup.notices", 10_000);
    private static final int AUDIO_MB = Integer.getInteger("loa.bench.backup.mb", 1024);
    private static final String PASSWORD = "bench-password-1";

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        String loadBefore = Machine.loadAverage();
        Path data = Files.createTempDirectory("loa-bench-backup-");
        Path restored = Files.createTempDirectory("loa-bench-restored-");
        Path file = Files.createTempDirectory("loa-bench-backup-file-").resolve("loa.zip");
        try {
            Properties p = ConfigLoader.defaults();
            p.setProperty("data.dir", data.toString());
            p.setProperty("http.port", "0");
            p.setProperty("http.host", "127.0.0.1");
            p.setProperty("admin.password", PASSWORD);
            JsonObject result;
            try (LoaServer server = new LoaServer(ConfigLoader.from(p), Clock.systemUTC())) {
                int port = server.start();
                String base = "http://127.0.0.1:" + port;
                String token = BenchApi.login(http, base, "admin", PASSWORD);
                BenchApi.send(http, base, token, "POST", "/api/v1/zones",
                        new JsonObject().put("id", "kho").put("name", "Kho tin"));
                seed(base, token);
                writeAudio(data.resolve("audio"));
                System.out.printf("seeded %d notices and %d MB of audio%n", NOTICES, AUDIO_MB);

                long start = System.nanoTime();
                int status = BackupCommand.run(new String[] {"backup", file.toString()}, env(data, port), quiet(),
                        Clock.systemUTC());
                double backupSeconds = (System.nanoTime() - start) / 1e9;
                check(status, "backup");
                System.out.printf("backup (online): %.1f s, %d MB%n", backupSeconds, Files.size(file) >> 20);
                result = new JsonObject().put("notices", NOTICES).put("audioMegabytes", AUDIO_MB)
                        .put("backupSecondsOnline", round(backupSeconds)).put("backupMegabytes", Files.size(file) >> 20);
            }
            long start = System.nanoTime();
            int status = BackupCommand.run(new String[] {"restore", file.toString()}, env(restored, 1), quiet(),
                    Clock.systemUTC());
            double restoreSeconds = (System.nanoTime() - start) / 1e9;
            check(status, "restore");
            System.out.printf("restore: %.1f s%n", restoreSeconds);
            result.put("restoreSeconds", round(restoreSeconds)).put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", Machine.loadAverage()).put("machine", Machine.describe())
                    .put("note", "H2; the backup runs while the server is up (file copy of the append-only store, "
                            + "then the data folder, SHA-256 of each entry); restore verifies every digest first");
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.encodePrettily() + "\n");
        } finally {
            for (Path dir : List.of(data, restored, file.getParent())) {
                delete(dir);
            }
        }
    }

    private void seed(String base, String token) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < NOTICES; i++) {
            int n = i;
            pending.add(pool.submit(() -> BenchApi.send(http, base, token, "POST", "/api/v1/announcements",
                    new JsonObject().put("title", "Thông báo số " + n).put("text", "Kính mời bà con dự họp thôn.")
                            .put("zones", new JsonArray().add("kho")))));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
    }

    private static void writeAudio(Path dir) throws Exception {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(16);
        byte[] block = new byte[1 << 20];
        for (int f = 0; f < AUDIO_MB / 16; f++) {
            try (OutputStream o = Files.newOutputStream(dir.resolve("bench-" + f + ".opus"))) {
                for (int mb = 0; mb < 16; mb++) {
                    for (int i = 0; i < block.length; i += 8) {
                        long v = random.nextLong();
                        for (int b = 0; b < 8; b++) {
                            block[i + b] = (byte) (v >>> (8 * b));
                        }
                    }
                    o.write(block);
                }
            }
        }
    }

    private static Map<String, String> env(Path data, int port) {
        return Map.of("LOA_DATA_DIR", data.toString(), "LOA_HTTP_PORT", String.valueOf(port),
                "LOA_HTTP_HOST", "127.0.0.1");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    private static void check(int status, String what) {
        if (status != 0) {
            throw new IllegalStateException(what + " exited " + status);
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    private static void delete(Path dir) throws java.io.IOException {
        try (Stream<Path> tree = Files.walk(dir)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
