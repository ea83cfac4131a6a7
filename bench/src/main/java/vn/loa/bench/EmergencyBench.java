package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PreviewFlood;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 23's worst day, timed: a server in its own process (heap ceiling as the launcher sets it) airs a 30-hour 8 kb/s
 * MP3 in one zone and a 20,000-character notice in another while six clients flood it with speech previews; then
 * EMERGENCY after EMERGENCY aimed at the busy zone and at a quiet one. For each: from the broadcast call's answer to
 * the first RTP packet of the emergency at each zone's loudspeaker. The server's resident memory is sampled throughout.
 */
final class EmergencyBench {

    private static final String PASSWORD = "bench-password-1";

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        int hours = Integer.getInteger("loa.bench.emergency.hours", 30);
        int runs = Integer.getInteger("loa.bench.emergency.runs", 40);
        String heap = System.getProperty("loa.bench.emergency.heap", "768m");
        Path data = Files.createTempDirectory("loa-bench-emergency-");
        Path recording = Files.write(data.resolve("long.mp3"), vn.loa.server.testing.Uploads.longMp3(data, hours));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process server = start(data, port, heap);
        String loadBefore = Machine.loadAverage();
        AtomicLong rssMax = new AtomicLong();
        List<Long> rssSamples = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                long rss = residentMegabytes(server.pid());
                rssSamples.add(rss);
                rssMax.accumulateAndGet(rss, Math::max);
                sleep(500);
            }
        }, "bench-rss");
        try (Loudspeaker busy = new Loudspeaker(); Loudspeaker quiet = new Loudspeaker();
                Loudspeaker reading = new Loudspeaker()) {
            awaitHealthy(base);
            String token = BenchApi.login(http, base, "admin", PASSWORD);
            zone(base, token, "thon-ban", busy);
            zone(base, token, "thon-yen", quiet);
            zone(base, token, "thon-doc", reading);
            sampler.setDaemon(true);
            sampler.start();

            long uploadStart = System.nanoTime();
            JsonObject stored = new JsonObject(upload(base, token, recording));
            double uploadSeconds = (System.nanoTime() - uploadStart) / 1e9;
            long programme = approved(base, token, new JsonObject().put("title", "Chương trình 30 giờ")
                    .put("audioId", stored.getString("audioId")).put("zones", new JsonArray().add("thon-ban")));
            long notice = approved(base, token, new JsonObject().put("title", "Thông báo dài")
                    .put("text", PreviewFlood.text(20_000, 0)).put("zones", new JsonArray().add("thon-doc")));
            long airStart = System.nanoTime();
            BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + programme + "/broadcast", new JsonObject());
            BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + notice + "/broadcast", new JsonObject());
            long recordingFirst = await(() -> busy.firstAfter(airStart));
            long noticeFirst = await(() -> reading.firstAfter(airStart));

            PreviewFlood flood = PreviewFlood.start(new Api(base, token));
            List<Double> busyMs = new ArrayList<>();
            List<Double> quietMs = new ArrayList<>();
            List<Double> answerMs = new ArrayList<>();
            List<String> health = new ArrayList<>();
            Thread.sleep(3_000);
            for (int run = 0; run < runs; run++) {
                long id = new JsonObject(BenchApi.send(http, base, token, "POST", "/api/v1/announcements",
                        new JsonObject().put("title", "Khẩn cấp " + run).put("priority", "EMERGENCY").put("chime", true)
                                .put("text", "Khẩn cấp: nước lũ đang lên, bà con di chuyển ngay lên chỗ cao.")
                                .put("zones", new JsonArray().add("thon-ban").add("thon-yen")))).getLong("id");
                long called = System.nanoTime();
                BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + id + "/broadcast", new JsonObject());
                long answered = System.nanoTime();
                answerMs.add((answered - called) / 1e6);
                busyMs.add(Math.max(0, await(() -> busy.firstSpurtAfter(called)) - answered) / 1e6);
                quietMs.add(Math.max(0, await(() -> quiet.firstSpurtAfter(called)) - answered) / 1e6);
                health.add(new JsonObject(get(base, "/health")).getString("status"));
                BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + id + "/cancel", new JsonObject());
                Thread.sleep(1_500);
                System.out.printf("run %2d: busy zone %6.1f ms, quiet zone %6.1f ms, RSS %d MB%n", run,
                        busyMs.get(run), quietMs.get(run), rssSamples.get(rssSamples.size() - 1));
            }
            Map<Integer, Integer> previews = flood.stop();
            JsonObject finalHealth = new JsonObject(get(base, "/health"));
            JsonObject statesAfter = new JsonObject()
                    .put("recording", state(base, token, programme)).put("longNotice", state(base, token, notice));
            sampling.set(false);

            JsonObject result = new JsonObject()
                    .put("benchmark", "emergency under load: a " + hours + "-hour 8 kb/s MP3 on air in one zone, a "
                            + "20,000-character notice on air in another, six clients flooding speech previews (one "
                            + "of 20,000 characters, five of 3,000, every sentence new); EMERGENCY to the busy zone and a "
                            + "quiet one, chime first")
                    .put("runs", runs)
                    .put("recording", new JsonObject().put("hours", hours).put("bytes", Files.size(recording))
                            .put("uploadSeconds", Math.round(uploadSeconds * 10) / 10.0)
                            .put("firstPacketAfterBroadcastMs", Math.round((recordingFirst - airStart) / 1e5) / 10.0))
                    .put("longNoticeFirstPacketAfterBroadcastMs", Math.round((noticeFirst - airStart) / 1e5) / 10.0)
                    .put("emergencyFirstPacketMs", new JsonObject()
                            .put("what", "from the broadcast call's answer to the first RTP packet (marker bit) of the "
                                    + "emergency at the zone's loudspeaker; 0 when it came before the answer")
                            .put("busyZone", Percentiles.of(sorted(busyMs)))
                            .put("quietZone", Percentiles.of(sorted(quietMs))))
                    .put("broadcastAnswerMs", Percentiles.of(sorted(answerMs)))
                    .put("serverRssMb", new JsonObject().put("heapCeiling", heap).put("max", rssMax.get())
                            .put("median", Percentiles.of(sorted(rssSamples.stream().map(Long::doubleValue).toList()))
                                    .getDouble("median")))
                    .put("previewsByStatus", new JsonObject(new java.util.TreeMap<>(previews.entrySet().stream()
                            .collect(java.util.stream.Collectors.toMap(e -> String.valueOf(e.getKey()),
                                    e -> (Object) e.getValue())))))
                    .put("healthDuringRuns", new JsonArray(health.stream().distinct().toList()))
                    .put("healthAfter", finalHealth)
                    .put("statesAfter", statesAfter.put("what", "both should still be ON_AIR: nothing cut short"))
                    .put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", Machine.loadAverage())
                    .put("machine", Machine.describe());
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
            System.out.println(result.encodePrettily());
            System.out.println("wrote " + out);
        } finally {
            sampling.set(false);
            server.destroyForcibly();
            server.waitFor();
        }
    }

    private Process start(Path data, int port, String heap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                "vn.loa.server.Main"));
        pb.environment().put("LOA_DATA_DIR", data.toString());
        pb.environment().put("LOA_HTTP_PORT", String.valueOf(port));
        pb.environment().put("LOA_HTTP_HOST", "127.0.0.1");
        pb.environment().put("LOA_ADMIN_PASSWORD", PASSWORD);
        pb.environment().put("LOA_PROGRAMME_MAX_DURATION", "2880");
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("server.log").toFile());
        return pb.start();
    }

    private void awaitHealthy(String base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                get(base, "/health");
                return;
            } catch (IOException | IllegalStateException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server did not answer within 90 s");
    }

    private void zone(String base, String token, String zone, Loudspeaker speaker) throws Exception {
        BenchApi.send(http, base, token, "POST", "/api/v1/zones", new JsonObject().put("id", zone).put("name", zone));
        BenchApi.send(http, base, token, "POST", "/api/v1/nodes", new JsonObject().put("id", "loa-" + zone)
                .put("name", "Loa " + zone).put("zone", zone).put("kind", "rtp")
                .put("address", "127.0.0.1:" + speaker.port()));
    }

    private long approved(String base, String token, JsonObject announcement) throws Exception {
        long id = new JsonObject(BenchApi.send(http, base, token, "POST", "/api/v1/announcements", announcement))
                .getLong("id");
        BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + id + "/submit", new JsonObject());
        BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + id + "/approve", new JsonObject());
        return id;
    }

    private String upload(String base, String token, Path file) throws Exception {
        String boundary = "loa-bench-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"ban-tin-30-gio.mp3\""
                + "\r\nContent-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/audio"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload answered " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private int status(String base, String token, String path, JsonObject body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String state(String base, String token, long id) throws IOException, InterruptedException {
        return new JsonObject(http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/announcements/" + id))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body())
                .getString("state");
    }

    private String get(String base, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    /** Waits up to 15 s for {@code arrival} to be non-zero. */
    private static long await(java.util.function.LongSupplier arrival) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            long at = arrival.getAsLong();
            if (at != 0) {
                return at;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no packet within 15 s");
    }

    private static long residentMegabytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS:")).map(l -> l.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                    .findFirst().orElse(0) / 1024;
        } catch (IOException e) {
            return 0;
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
