package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.loa.server.LoaServer;
import vn.loa.server.config.LoaConfig;

/**
 * The programme clock with 10,000 active schedules on the embedded H2: how long the server takes to start with them,
 * how late scheduled notices reach a loudspeaker (from the trigger time to the first RTP packet), and the database size.
 *
 * <p>The 10,000 are daily cron items at hours that do not come during the run; the measured items are one-off notices
 * a few seconds apart to a zone with one RTP speaker (a UDP socket in this JVM). Lateness includes speaking the notice.
 */
final class ScheduleBench {

    /** The figure; {@code -Dloa.bench.schedules} makes a quick smoke run smaller. */
    private static final int SCHEDULES = Integer.getInteger("loa.bench.schedules", 10_000);
    private static final int FIRINGS = Integer.getInteger("loa.bench.firings", 20);
    private static final String PASSWORD = "bench-password-1";

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        String loadBefore = Machine.loadAverage();
        LoaConfig config = InProcessSetup.config("schedule", PASSWORD);

        double seedSeconds;
        try (LoaServer server = new LoaServer(config, Clock.systemUTC())) {
            String base = "http://127.0.0.1:" + server.start();
            String admin = login(base);
            send(base, admin, "POST", "/api/v1/zones", new JsonObject().put("id", "kho").put("name", "Kho lịch"));
            long start = System.nanoTime();
            seed(base, admin);
            seedSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("seeded %d schedules in %.1f s%n", SCHEDULES, seedSeconds);
        }

        JsonObject result;
        try (DatagramSocket speaker = new DatagramSocket(0, InetAddress.getLoopbackAddress());
             LoaServer server = new LoaServer(config, Clock.systemUTC())) {
            long start = System.nanoTime();
            String base = "http://127.0.0.1:" + server.start();
            double startupMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("start-up with %d schedules: %.0f ms%n", SCHEDULES, startupMs);
            String admin = login(base);
            InProcessSetup.speakerZone(http, base, admin, speaker.getLocalPort());
            Instant first = Instant.now().plusSeconds(15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            List<Instant> due = new ArrayList<>();
            for (int i = 0; i < FIRINGS; i++) {
                Instant at = first.plusSeconds(4L * i);
                due.add(at);
                scheduled(base, admin, "do", new JsonObject().put("at", at.atOffset(ZoneOffset.ofHours(7)).toString()),
                        "Đo độ trễ " + i);
            }
            List<Instant> heard = firstPackets(speaker, FIRINGS, due.get(FIRINGS - 1).plusSeconds(20));
            double[] lateness = new double[heard.size()];
            for (int i = 0; i < heard.size(); i++) {
                lateness[i] = (heard.get(i).toEpochMilli() - due.get(i).toEpochMilli());
            }
            java.util.Arrays.sort(lateness);
            long dbBytes = Files.size(config.dataDir().resolve("loa.mv.db"));
            result = new JsonObject()
                    .put("benchmark", "programme clock with " + SCHEDULES + " active schedules")
                    .put("database", "H2 (embedded, file), Quartz JDBC job store in the same database")
                    .put("schedules", SCHEDULES)
                    .put("seedSeconds", Math.round(seedSeconds * 10) / 10.0)
                    .put("startupMs", Math.round(startupMs))
                    .put("firingsMeasured", heard.size())
                    .put("latenessMs", new JsonObject()
                            .put("median", InProcessSetup.percentile(lateness, 50))
                            .put("p99", InProcessSetup.percentile(lateness, 99))
                            .put("min", lateness.length == 0 ? null : lateness[0])
                            .put("max", lateness.length == 0 ? null : lateness[lateness.length - 1]))
                    .put("latenessDefinition", "first RTP packet at the speaker minus the schedule's trigger time; "
                            + "includes speaking the notice with espeak-ng")
                    .put("databaseBytes", dbBytes)
                    .put("databaseNote", "the H2 file as the running server left it, and after SHUTDOWN COMPACT: "
                            + "with WRITE_DELAY=0 every commit writes its pages, and H2 reuses the old space later")
                    .put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", Machine.loadAverage())
                    .put("targets", "p99 lateness < 500 ms; start-up < 5 s")
                    .put("machine", Machine.describe());
        }
        result.put("databaseBytesCompacted", compacted(config));
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println(result.encodePrettily());
        System.out.println("wrote " + out);
    }

    /** The H2 file's size once compacted (the server is closed). */
    private static long compacted(LoaConfig config) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(config.dbUrl(), "", "");
             var st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        return Files.size(config.dataDir().resolve("loa.mv.db"));
    }

    /** The arrival time of the first RTP packet of each burst (a burst starts after 1.5 s without audio). */
    private static List<Instant> firstPackets(DatagramSocket socket, int bursts, Instant deadline) throws Exception {
        List<Instant> firsts = new ArrayList<>();
        byte[] buffer = new byte[2048];
        long last = 0;
        socket.setSoTimeout(500);
        while (firsts.size() < bursts && Instant.now().isBefore(deadline)) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            long now = System.currentTimeMillis();
            if (packet.getLength() < 12 || (buffer[1] & 0xFF) >= 192) {
                continue; // RTCP (sender reports), not audio
            }
            if (now - last > 1500) {
                firsts.add(Instant.ofEpochMilli(now));
            }
            last = now;
        }
        return firsts;
    }

    /** 10,000 daily items at hours that are not in the next few hours, through the API, eight at a time. */
    private void seed(String base, String token) throws Exception {
        int hourNow = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getHour();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < SCHEDULES; i++) {
            int n = i;
            int hour = (hourNow + 6 + n % 12) % 24;
            String cron = "0 " + (n % 60) + " " + hour + " * * ?";
            pending.add(pool.submit(() -> {
                scheduled(base, token, "kho", new JsonObject().put("cron", cron), "Lịch số " + n);
                return null;
            }));
        }
        for (Future<?> f : pending) {
            f.get();
        }
        pool.shutdown();
    }

    private void scheduled(String base, String token, String zone, JsonObject schedule, String title) throws Exception {
        long id = send(base, token, "POST", "/api/v1/announcements", new JsonObject().put("title", title)
                .put("text", "Xin chào bà con.").put("chime", false).put("zones", new JsonArray().add(zone))
                .put("schedule", schedule.copy().put("onConflict", "priority"))).getLong("id");
        send(base, token, "POST", "/api/v1/announcements/" + id + "/approve", new JsonObject());
        send(base, token, "POST", "/api/v1/announcements/" + id + "/broadcast", new JsonObject());
    }

    private String login(String base) throws Exception {
        return BenchApi.login(http, base, "admin", PASSWORD);
    }

    private JsonObject send(String base, String token, String method, String path, JsonObject body) throws Exception {
        return new JsonObject(BenchApi.send(http, base, token, method, path, body));
    }
}
