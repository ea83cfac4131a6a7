package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import vn.loa.server.alert.CapParser;
import vn.loa.server.alert.CapShape;
import vn.loa.server.alert.CapSignatures;
import vn.loa.server.alert.CapSigner;
import vn.loa.server.testing.TestSigner;

/**
 * Issue 19's numbers (ADR 0045, 0046, 0051): targeting throughput (nodes tested against a CAP polygon of 4 to 200
 * vertices, the JTS path {@code AlertReach} takes), the cost of verifying one signed message, and, on a server in its
 * own process with {@code loa.bench.cap.nodes} nodes placed around a village, the time from a CAP POST with a
 * 200-vertex polygon to its answer and to the first RTP packet at a loudspeaker inside the polygon.
 */
final class CapBench {

    private static final String PASSWORD = "bench-password-1";
    private static final double LAT = 16.05;
    private static final double LON = 108.20;

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        int nodes = Integer.getInteger("loa.bench.cap.nodes", 10_000);
        int runs = Integer.getInteger("loa.bench.cap.runs", 20);
        String loadBefore = Machine.loadAverage();
        JsonObject targeting = targeting();
        JsonObject signatures = signatures();
        JsonObject air = ingestToAir(nodes, runs);
        JsonObject result = new JsonObject()
                .put("benchmark", "CAP: targeting throughput, signature verification, ingest to air")
                .put("targeting", targeting).put("signatureVerification", signatures).put("ingestToAir", air)
                .put("loadAverageBefore", loadBefore).put("loadAverageAfter", Machine.loadAverage())
                .put("machine", Machine.describe());
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println(result.encodePrettily());
        System.out.println("wrote " + out);
    }

    /** A CAP polygon ("lat,lon ...", closed) of {@code vertices} corners, a wobbly ring about 3 km across. */
    static String polygon(int vertices, double lat, double lon, long seed) {
        Random random = new Random(seed);
        StringBuilder ring = new StringBuilder();
        String first = null;
        for (int i = 0; i < vertices; i++) {
            double angle = 2 * Math.PI * i / vertices;
            double r = 0.012 + 0.006 * random.nextDouble();
            String pair = String.format(Locale.ROOT, "%.6f,%.6f", lat + r * Math.sin(angle), lon + r * Math.cos(angle));
            first = first == null ? pair : first;
            ring.append(pair).append(' ');
        }
        return ring.append(first).toString();
    }

    private JsonObject targeting() {
        JsonArray rows = new JsonArray();
        for (int n : new int[] {1_000, 10_000, 100_000}) {
            Random random = new Random(n);
            double[][] points = new double[n][2];
            for (int i = 0; i < n; i++) {
                points[i][0] = LAT + (random.nextDouble() - 0.5) * 0.06;
                points[i][1] = LON + (random.nextDouble() - 0.5) * 0.06;
            }
            for (int v : new int[] {4, 50, 200}) {
                CapShape shape = CapShape.polygon(polygon(v, LAT, LON, v));
                List<Double> ms = new ArrayList<>();
                int inside = 0;
                for (int round = 0; round < 7; round++) {
                    long start = System.nanoTime();
                    inside = 0;
                    for (double[] p : points) {
                        if (shape.covers(p[0], p[1])) {
                            inside++;
                        }
                    }
                    ms.add((System.nanoTime() - start) / 1e6);
                }
                double median = sorted(ms)[ms.size() / 2];
                rows.add(new JsonObject().put("nodes", n).put("vertices", v).put("inside", inside)
                        .put("medianMs", Math.round(median * 100) / 100.0)
                        .put("nodesPerSecond", Math.round(n / (median / 1000))));
            }
        }
        return new JsonObject().put("what", "every node's lat/lon tested against one CAP polygon (CapShape.covers, "
                + "JTS prepared geometry), median of 7 rounds after the first").put("rows", rows);
    }

    private JsonObject signatures() throws Exception {
        CapParser parser = new CapParser();
        TestSigner signer = TestSigner.selfSigned("Bench KTTV");
        byte[] xml = cap("BENCH-SIG", polygon(200, LAT, LON, 1)).getBytes(StandardCharsets.UTF_8);
        var doc = parser.document(xml);
        CapSigner.sign(doc, signer.key(), signer.certificate());
        var out = new java.io.ByteArrayOutputStream();
        javax.xml.transform.TransformerFactory.newInstance().newTransformer().transform(
                new javax.xml.transform.dom.DOMSource(doc), new javax.xml.transform.stream.StreamResult(out));
        byte[] signed = out.toByteArray();
        List<Double> parseMs = new ArrayList<>();
        List<Double> verifyMs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long start = System.nanoTime();
            var read = parser.document(signed);
            long parsed = System.nanoTime();
            CapSignatures.verify(read, List.of(signer.certificate()), true, java.time.Instant.now());
            long verified = System.nanoTime();
            if (i >= 100) {
                parseMs.add((parsed - start) / 1e6);
                verifyMs.add((verified - parsed) / 1e6);
            }
        }
        return new JsonObject().put("what", "a " + signed.length + "-byte CAP message with a 200-vertex polygon, "
                        + "ECDSA P-256 / SHA-256, exclusive C14N; 200 rounds after 100 of warm-up")
                .put("parseAndSchemaMs", Percentiles.of(sorted(parseMs))).put("verifyMs", Percentiles.of(sorted(verifyMs)));
    }

    private JsonObject ingestToAir(int nodes, int runs) throws Exception {
        Path data = Files.createTempDirectory("loa-bench-cap-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process server = start(data, port);
        try (Loudspeaker speaker = new Loudspeaker()) {
            awaitHealthy(base);
            String token = BenchApi.login(http, base, "admin", PASSWORD);
            BenchApi.send(http, base, token, "POST", "/api/v1/zones", new JsonObject().put("id", "thon-bien")
                    .put("name", "Thôn Biển"));
            BenchApi.send(http, base, token, "POST", "/api/v1/nodes", new JsonObject().put("id", "loa-bien")
                    .put("name", "Loa bến cá").put("zone", "thon-bien").put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port()).put("lat", LAT).put("lon", LON));
            // The other nodes stand in villages around it, most outside the polygon: what targeting must sift.
            Random random = new Random(7);
            long placing = System.nanoTime();
            for (int z = 0; z < 10; z++) {
                BenchApi.send(http, base, token, "POST", "/api/v1/zones", new JsonObject().put("id", "thon-" + z)
                        .put("name", "Thôn " + z));
            }
            for (int i = 0; i < nodes; i++) {
                BenchApi.send(http, base, token, "POST", "/api/v1/nodes", new JsonObject().put("id", "loa-" + i)
                        .put("name", "Loa " + i).put("zone", "thon-" + (i % 10)).put("kind", "rtp")
                        .put("address", "127.0.0.1:9").put("lat", LAT + 0.1 + random.nextDouble() * 0.3)
                        .put("lon", LON + (random.nextDouble() - 0.5) * 0.3));
            }
            double placingSeconds = (System.nanoTime() - placing) / 1e9;
            BenchApi.send(http, base, token, "PUT", "/api/v1/alerts/plans", new JsonObject().put("plans",
                    new JsonArray().add(new JsonObject().put("tone", false).put("plays", 1).put("airings", 1)
                            .put("pauseSeconds", 60))));
            String key = new JsonObject(BenchApi.send(http, base, token, "POST", "/api/v1/alerts/keys",
                    new JsonObject().put("name", "Bench"))).getString("key");
            String shape = polygon(200, LAT, LON, 2);
            List<Double> answerMs = new ArrayList<>();
            List<Double> firstPacketMs = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                long posted = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
                        .header("Content-Type", "application/cap+xml").header("X-API-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(cap("BENCH-" + run, shape))).build(),
                        HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("CAP refused: " + r.statusCode() + " " + r.body());
                }
                answerMs.add((answered - posted) / 1e6);
                firstPacketMs.add((await(() -> speaker.firstSpurtAfter(posted)) - posted) / 1e6);
                for (Object id : new JsonObject(r.body()).getJsonArray("announcements")) {
                    BenchApi.send(http, base, token, "POST", "/api/v1/announcements/" + id + "/cancel", new JsonObject());
                }
                Thread.sleep(1_000);
                System.out.printf("run %2d: answer %6.1f ms, first packet %6.1f ms%n", run, answerMs.get(run),
                        firstPacketMs.get(run));
            }
            return new JsonObject().put("what", "a CAP POST (unsigned, a 200-vertex polygon, Severe/Immediate) to a "
                            + "server with " + (nodes + 1) + " placed nodes: to the answer, and to the first RTP packet "
                            + "at the one loudspeaker inside the polygon (speech synthesised as it plays)")
                    .put("nodes", nodes + 1).put("runs", runs)
                    .put("placingNodesSeconds", Math.round(placingSeconds * 10) / 10.0)
                    .put("answerMs", Percentiles.of(sorted(answerMs)))
                    .put("firstPacketMs", Percentiles.of(sorted(firstPacketMs)));
        } finally {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    static String cap(String identifier, String polygon) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier><sender>bench@kttv.example.vn</sender>
                  <sent>2026-12-07T10:00:00+07:00</sent><status>Actual</status><msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info><language>vi-VN</language><category>Met</category><event>Sóng lớn</event>
                    <urgency>Immediate</urgency><severity>Severe</severity><certainty>Observed</certainty>
                    <headline>Cảnh báo sóng lớn</headline><description>Tàu thuyền vào bờ ngay.</description>
                    <area><areaDesc>Ven biển</areaDesc><polygon>%s</polygon></area>
                  </info>
                </alert>
                """.formatted(identifier, polygon);
    }

    private Process start(Path data, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx768m", "-cp", System.getProperty("java.class.path"),
                "vn.loa.server.Main"));
        pb.environment().put("LOA_DATA_DIR", data.toString());
        pb.environment().put("LOA_HTTP_PORT", String.valueOf(port));
        pb.environment().put("LOA_HTTP_HOST", "127.0.0.1");
        pb.environment().put("LOA_ADMIN_PASSWORD", PASSWORD);
        pb.redirectErrorStream(true);
        pb.redirectOutput(data.resolve("server.log").toFile());
        return pb.start();
    }

    private void awaitHealthy(String base) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server did not answer within 120 s");
    }

    private static long await(java.util.function.LongSupplier arrival) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long at = arrival.getAsLong();
            if (at != 0) {
                return at;
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("no packet within 30 s");
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
