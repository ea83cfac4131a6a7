package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.loa.server.link.Envelope;
import vn.loa.server.link.LinkKeys;
import vn.loa.server.link.SignedMessage;

/**
 * {@code ./loa bench link}: one upstream Loa (a province, its own process on H2) and N downstreams: one real Loa
 * commune (its own process) with a loopback loudspeaker, and N-1 simulated ones in this process that enrol and
 * long-poll as the protocol says (docs/province-link.md), taking each bulletin when its poll answers. Phase 1: B
 * thông thường bulletins to the whole province, published one after another: bulletins delivered per second to all
 * downstreams, and each delivery's latency from its publish (the approval asked for) to the poll that brought it.
 * Phase 2: E khẩn cấp bulletins to the real commune, one at a time: from the province's create call (an emergency is
 * approved, and so sent down, at creation) to the first RTP packet at the commune's loudspeaker.
 * {@code -Dloa.bench.link.downstreams=N -Dloa.bench.link.bulletins=B -Dloa.bench.link.emergencies=E}.
 */
final class LinkBench {

    private static final String PASSWORD = "bench-password-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Long, Long> published = new ConcurrentHashMap<>();
    private final List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    void run(Path out) throws Exception {
        int downstreams = Integer.getInteger("loa.bench.link.downstreams", 20);
        int bulletins = Integer.getInteger("loa.bench.link.bulletins", 100);
        int emergencies = Integer.getInteger("loa.bench.link.emergencies", 10);
        Map<String, String> fast = Map.of("LOA_ADMIN_PASSWORD", PASSWORD, "LOA_LINK_POLL_WAIT", "20",
                "LOA_LINK_RETRY_MAX", "2", "LOA_DISK_MIN_FREE", "16");
        String loadBefore = Machine.loadAverage();
        Process province = start("tinh", fast);
        Process commune = start("xa-0", fast);
        try (Loudspeaker speaker = new Loudspeaker()) {
            String up = awaitHealthy(province);
            String down = awaitHealthy(commune);
            String upToken = BenchApi.login(http, up, "admin", PASSWORD);
            String downToken = BenchApi.login(http, down, "admin", PASSWORD);
            BenchApi.send(http, down, downToken, "POST", "/api/v1/zones", new JsonObject()
                    .put("id", "thon-1").put("name", "Thôn 1"));
            BenchApi.send(http, down, downToken, "POST", "/api/v1/nodes", new JsonObject()
                    .put("id", "loa-1").put("name", "Loa 1").put("zone", "thon-1").put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port()));
            String key = register(up, upToken, "xa-0");
            BenchApi.send(http, down, downToken, "PUT", "/api/v1/upstream", new JsonObject()
                    .put("url", up).put("id", "xa-0").put("key", key));
            List<Thread> pollers = new ArrayList<>();
            for (int i = 1; i < downstreams; i++) {
                String id = "xa-" + i;
                pollers.add(simulated(up, id, register(up, upToken, id)));
            }

            // Phase 1: thông thường to every downstream.
            long start = System.nanoTime();
            for (int b = 0; b < bulletins; b++) {
                long id = created(up, upToken, new JsonObject().put("title", "Tin " + b).put("text",
                        "Thông báo số " + b + " của tỉnh.").put("zones", new JsonArray().add("root")));
                BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/submit", new JsonObject());
                // Noted before the approval: its poll may answer before the approval's own answer comes back.
                published.put(id, System.nanoTime());
                BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/approve", new JsonObject());
            }
            long publishedAll = System.nanoTime();
            int expected = bulletins * (downstreams - 1);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (received.values().stream().mapToInt(Integer::intValue).sum() < expected
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long lastArrival = System.nanoTime();
            int got = received.values().stream().mapToInt(Integer::intValue).sum();

            // Phase 2: khẩn cấp to the real commune, one at a time, publish to its speaker.
            double[] onAir = new double[emergencies];
            for (int e = 0; e < emergencies; e++) {
                // An emergency is approved at creation, so it goes down then: the clock starts with that call.
                long before = System.nanoTime();
                long id = created(up, upToken, new JsonObject().put("title", "Khẩn " + e).put("priority", "EMERGENCY")
                        .put("text", "Khẩn cấp.").put("zones", new JsonArray().add("xa-0")));
                BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/broadcast", new JsonObject());
                long first = 0;
                while (first == 0 && System.nanoTime() - before < 30_000_000_000L) {
                    Thread.sleep(5);
                    first = speaker.firstSpurtAfter(before);
                }
                onAir[e] = first == 0 ? Double.NaN : (first - before) / 1e6;
                speaker.quietFor(1500);
            }
            running.set(false);
            pollers.forEach(Thread::interrupt);

            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] air = java.util.Arrays.stream(onAir).filter(d -> !Double.isNaN(d)).sorted().toArray();
            double seconds = (lastArrival - start) / 1e9;
            JsonObject result = new JsonObject()
                    .put("downstreams", new JsonObject().put("total", downstreams).put("real", 1)
                            .put("simulated", downstreams - 1))
                    .put("note", "one publisher making 3 calls per bulletin on a shared, loaded machine: "
                            + "deliveriesPerSecond is bounded by the publishing rate, not by the link")
                    .put("normal", new JsonObject().put("bulletins", bulletins).put("deliveriesExpected", expected)
                            .put("deliveriesReceived", got)
                            .put("publishSeconds", round((publishedAll - start) / 1e9))
                            .put("untilLastDeliverySeconds", round(seconds))
                            .put("bulletinsPublishedPerSecond", round(bulletins / ((publishedAll - start) / 1e9)))
                            .put("deliveriesPerSecond", round(got / seconds))
                            .put("publishToPollMs", withP95(Percentiles.of(sorted), sorted)))
                    .put("emergency", new JsonObject().put("runs", emergencies).put("aired", air.length)
                            .put("publishToOnAirMs", withP95(Percentiles.of(air), air)))
                    .put("loadAverageBefore", loadBefore).put("loadAverageAfter", Machine.loadAverage())
                    .put("machine", Machine.describe());
            Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
            System.out.println(result.encodePrettily());
            System.out.println("wrote " + out);
        } finally {
            province.destroyForcibly().waitFor();
            commune.destroyForcibly().waitFor();
        }
    }

    private final Map<Process, String> bases = new ConcurrentHashMap<>();

    /** Starts a Loa server process on H2 in a fresh data folder, with this link id. */
    private Process start(String id, Map<String, String> settings) throws Exception {
        Path data = Files.createTempDirectory("loa-bench-link-" + id + "-");
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                "vn.loa.server.Main"));
        pb.environment().putAll(settings);
        pb.environment().put("LOA_LINK_ID", id);
        pb.environment().put("LOA_DATA_DIR", data.toString());
        pb.environment().put("LOA_HTTP_PORT", String.valueOf(port));
        pb.environment().put("LOA_HTTP_HOST", "127.0.0.1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("server.log").toFile());
        Process process = pb.start();
        bases.put(process, "http://127.0.0.1:" + port);
        return process;
    }

    /** Waits until the process answers /health; its base URL. */
    private String awaitHealthy(Process process) throws InterruptedException {
        String base = bases.get(process);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("a server process ended with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return base;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server at " + base + " did not answer within 2 minutes");
    }

    private String register(String up, String token, String id) throws Exception {
        BenchApi.send(http, up, token, "POST", "/api/v1/zones", new JsonObject().put("id", id).put("name", "Xã " + id));
        return new JsonObject(BenchApi.send(http, up, token, "POST", "/api/v1/downstreams", new JsonObject()
                .put("id", id).put("name", "Đài " + id).put("zone", id))).getString("key");
    }

    private long created(String up, String token, JsonObject announcement) throws Exception {
        return new JsonObject(BenchApi.send(http, up, token, "POST", "/api/v1/announcements", announcement))
                .getLong("id");
    }

    /** A simulated downstream: enrols, then long-polls, noting when each bulletin arrived. */
    private Thread simulated(String up, String id, String key) throws Exception {
        KeyPair pair = LinkKeys.generate();
        JsonObject enrolled = new JsonObject(BenchApi.send(http, up, null, "POST", "/api/v1/link/enrol",
                new JsonObject().put("id", id).put("key", key).put("publicKey", LinkKeys.encode(pair.getPublic()))));
        String upstream = enrolled.getString("upstream");
        Thread t = new Thread(() -> {
            long after = 0;
            while (running.get()) {
                try {
                    Envelope poll = new Envelope(UUID.randomUUID().toString(), Envelope.CONTROL, 0, Instant.now(), id,
                            upstream, Envelope.POLL, null, new JsonObject().put("after", after).put("wait", 20));
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(up + "/api/v1/link/poll"))
                            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(40))
                            .POST(HttpRequest.BodyPublishers.ofString(SignedMessage.sign(poll, pair.getPrivate())
                                    .json().encode())).build(), HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    for (Object m : new JsonObject(r.body()).getJsonArray("messages", new JsonArray())) {
                        Envelope e = SignedMessage.of((JsonObject) m).unverified();
                        after = e.seq();
                        Long at = published.get(e.body().getLong("origin", -1L));
                        if (Envelope.BULLETIN.equals(e.kind()) && at != null) {
                            latencies.add(Math.max(0, now - at) / 1e6);
                            received.merge(id, 1, Integer::sum);
                        }
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    if (!running.get()) {
                        return;
                    }
                }
            }
        }, "bench-downstream-" + id);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static JsonObject withP95(JsonObject figures, double[] sorted) {
        if (sorted.length > 0) {
            figures.put("p95", round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)]));
        }
        return figures;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
