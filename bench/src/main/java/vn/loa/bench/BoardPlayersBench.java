package vn.loa.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.loa.server.LoaServer;
import vn.loa.server.config.ConfigLoader;

/**
 * {@code ./loa bench boards} (second part): 1,000 simulated web players against one server on the embedded H2, each
 * on its own keyed WebSocket with a campaign and an interrupt scheduled to it; each reports a play every 2 s (proof of
 * play, acknowledged once stored) and fetches its frame every 10 s, as a kiosk does when its cache is cold. Reports
 * how long the players took to connect, reports and frames per second, and their latencies (report → ack, frame).
 *
 * <p>The players run in the same JVM and on the same cores as the server, so the figures are a floor.
 */
final class BoardPlayersBench {

    static final int PLAYERS = 1000;
    static final int REPORT_EVERY_MS = 2000;
    static final int POLL_EVERY_MS = 10_000;
    static final int MEASURE_SECONDS = 30;
    private static final String PASSWORD = "bench-password-1";

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    JsonObject run(Path out) throws Exception {
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", Files.createTempDirectory("loa-bench-").toString());
        p.setProperty("http.port", "0");
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("admin.password", PASSWORD);
        // Every simulated player comes from 127.0.0.1; in the field they are many addresses (or a NAT: see the setting).
        p.setProperty("http.connections.per.address", "0");
        JsonObject machine = Machine.describe().put("loadAverageAtStart", Machine.loadAverage());
        Vertx vertx = Vertx.vertx();
        try (LoaServer server = new LoaServer(ConfigLoader.from(p), Clock.systemUTC())) {
            int port = server.start();
            String base = "http://127.0.0.1:" + port;
            String admin = BenchApi.login(http, base, "admin", PASSWORD);
            BenchApi.send(http, base, admin, "POST", "/api/v1/zones", new JsonObject().put("id", "xa-a").put("name", "Xã A"));
            long setup = System.nanoTime();
            List<String[]> boards = new ArrayList<>();
            for (int i = 0; i < PLAYERS; i++) {
                String id = "bang-" + i;
                String key = new JsonObject(BenchApi.send(http, base, admin, "POST", "/api/v1/boards", new JsonObject()
                        .put("id", id).put("name", "Bảng tin " + i).put("zone", "xa-a").put("kind", "LCD")
                        .put("width", 640).put("height", 360))).getString("playerKey");
                boards.add(new String[] {id, key});
            }
            BenchApi.send(http, base, admin, "POST", "/api/v1/display-groups", new JsonObject().put("id", "ca-xa")
                    .put("name", "Cả xã").put("zone", "xa-a"));
            BenchApi.send(http, base, admin, "POST", "/api/v1/campaigns", campaign("tiem-chung", "ROTATION", 1)
                    .put("items", new JsonArray().add(item("Tiêm chủng mở rộng", "Trạm y tế xã tiêm vắc-xin sởi."))
                            .add(item("Lịch tiêm", "Sáng thứ Bảy tại nhà văn hóa thôn."))));
            BenchApi.send(http, base, admin, "POST", "/api/v1/campaigns", campaign("phong-chay", "INTERRUPT", 0)
                    .put("sharePercent", 5).put("items", new JsonArray().add(item("Phòng cháy", "Không đốt nương."))));
            double setupSeconds = (System.nanoTime() - setup) / 1e9;
            System.out.printf("%d boards, a group and two campaigns set up in %.1f s%n", PLAYERS, setupSeconds);
            JsonObject result = measure(vertx, port, boards);
            result = new JsonObject()
                    .put("benchmark", PLAYERS + " web players on one server: keyed WebSockets, a report every "
                            + REPORT_EVERY_MS / 1000 + " s each (acknowledged once stored), a frame every "
                            + POLL_EVERY_MS / 1000 + " s each")
                    .put("database", "H2 (embedded, file)")
                    .put("connectionsPerAddress", "no cap (http.connections.per.address=0): all players share 127.0.0.1")
                    .put("note", "players in the same JVM and on the same cores as the server: a floor")
                    .put("setupSeconds", Math.round(setupSeconds * 10) / 10.0)
                    .mergeIn(result)
                    .put("machine", machine.put("loadAverageAtEnd", Machine.loadAverage()));
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
            System.out.println("wrote " + out);
            return result;
        } finally {
            vertx.close().await();
        }
    }

    private JsonObject measure(Vertx vertx, int port, List<String[]> boards) throws Exception {
        WebSocketClient sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(PLAYERS * 2)
                .setMaxMessageSize(4 * 1024 * 1024).setMaxFrameSize(1024 * 1024));
        HttpClient frames = vertx.createHttpClient(new HttpClientOptions().setDefaultPort(port)
                .setDefaultHost("127.0.0.1"), new PoolOptions().setHttp1MaxSize(64));
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> ackMs = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> frameMs = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong reports = new AtomicLong();
        AtomicLong frameErrors = new AtomicLong();
        AtomicLong screens = new AtomicLong();
        Map<String, String> frameOf = new ConcurrentHashMap<>();
        CountDownLatch connected = new CountDownLatch(boards.size());
        long connectStart = System.nanoTime();
        List<WebSocket> open = java.util.Collections.synchronizedList(new ArrayList<>());
        for (String[] b : boards) {
            sockets.connect(port, "127.0.0.1", "/player/" + b[0] + "/socket?key=" + b[1]).onSuccess(ws -> {
                open.add(ws);
                ws.textMessageHandler(text -> {
                    JsonObject m = new JsonObject(text);
                    if ("ack".equals(m.getString("type"))) {
                        Long t0 = sent.remove(m.getString("id"));
                        if (t0 != null) {
                            ackMs.add((System.nanoTime() - t0) / 1e6);
                        }
                    } else if ("screen".equals(m.getString("type"))) {
                        screens.incrementAndGet();
                        JsonObject first = m.getJsonArray("entries").getJsonObject(0);
                        boolean firstScreen = frameOf.put(b[0], first.getString("src") + "|" + first.getString("item")) == null;
                        if (firstScreen) {
                            connected.countDown();
                        }
                    }
                });
            }).onFailure(e -> System.err.println("player " + b[0] + ": " + e));
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (boards.size() - connected.getCount()) + " players got a screen");
        }
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        System.out.printf("%d players connected with their screens in %.1f s%n", boards.size(), connectSeconds);

        long started = System.nanoTime();
        long end = started + MEASURE_SECONDS * 1_000_000_000L;
        List<Long> timers = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            WebSocket ws = open.get(i);
            String board = boards.get(i)[0];
            int n = i;
            // Staggered, so reports and polls arrive evenly rather than in bursts.
            vertx.setTimer(1 + (long) n * REPORT_EVERY_MS / PLAYERS, t -> timers.add(vertx.setPeriodic(REPORT_EVERY_MS, p -> {
                if (System.nanoTime() > end) {
                    return;
                }
                String[] f = frameOf.getOrDefault(board, "|x").split("\\|");
                String id = board + "-" + reports.incrementAndGet();
                sent.put(id, System.nanoTime());
                ws.writeTextMessage(new JsonObject().put("type", "played").put("id", id).put("item", f[1])
                        .put("kind", "TEXT").put("shownAt", Instant.now().toString()).put("millis", REPORT_EVERY_MS)
                        .encode());
            })));
            vertx.setTimer(1 + (long) n * POLL_EVERY_MS / PLAYERS, t -> timers.add(vertx.setPeriodic(POLL_EVERY_MS, p -> {
                if (System.nanoTime() > end) {
                    return;
                }
                String src = frameOf.get(board).split("\\|")[0];
                long t0 = System.nanoTime();
                frames.request(HttpMethod.GET, src).compose(r -> r.send().compose(resp -> resp.body()
                        .map(body -> resp.statusCode()))).onComplete(done -> {
                            if (done.succeeded() && done.result() == 200) {
                                frameMs.add((System.nanoTime() - t0) / 1e6);
                            } else {
                                frameErrors.incrementAndGet();
                            }
                        });
            })));
        }
        Thread.sleep(MEASURE_SECONDS * 1000L + 3000); // the run's length, then three seconds for the last acks
        double seconds = MEASURE_SECONDS;
        open.forEach(WebSocket::close);
        long acked = ackMs.size();
        System.out.printf("reports %d sent, %d acked (%.0f/s); frames %d (%.0f/s, %d errors)%n", reports.get(), acked,
                acked / seconds, frameMs.size(), frameMs.size() / seconds, frameErrors.get());
        return new JsonObject().put("players", boards.size()).put("connectSeconds", Math.round(connectSeconds * 10) / 10.0)
                .put("measureSeconds", MEASURE_SECONDS).put("screensReceived", screens.get())
                .put("reports", new JsonObject().put("sent", reports.get()).put("acked", acked)
                        .put("ackedPerSecond", Math.round(acked / seconds)).put("ackMs", figures(ackMs)))
                .put("frames", new JsonObject().put("fetched", frameMs.size()).put("errors", frameErrors.get())
                        .put("perSecond", Math.round(frameMs.size() / seconds)).put("ms", figures(frameMs)));
    }

    private static JsonObject figures(List<Double> values) {
        double[] sorted;
        synchronized (values) {
            sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }
        JsonObject f = Percentiles.of(sorted);
        if (sorted.length > 0) {
            f.put("p95", Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)] * 10)
                    / 10.0);
        }
        return f;
    }

    private static JsonObject campaign(String id, String mode, int priority) {
        return new JsonObject().put("id", id).put("name", id).put("mode", mode).put("priority", priority)
                .put("groups", new JsonArray().add("ca-xa"));
    }

    private static JsonObject item(String title, String body) {
        return new JsonObject().put("kind", "TEXT").put("title", title).put("body", body).put("seconds", 10);
    }
}
