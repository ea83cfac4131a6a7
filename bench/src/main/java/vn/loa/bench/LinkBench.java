package vn.loa.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./loa bench link}: one upstream Loa (a province, its own process on H2) and N downstreams: one real Loa
 * commune (its own process) with a loopback loudspeaker, and N-1 {@link SimulatedDownstream}s in this process.
 * Phase 1: B thông thường bulletins to the whole province, one after another: deliveries per second and each one's
 * latency from its approval to the poll that brought it. Phase 2, the fan-out: E khẩn cấp bulletins to the whole
 * province, one at a time: from the create call (an emergency is approved, so sent down, at creation) until the last
 * downstream has it: every simulated one's poll answer (acknowledged by its next poll) and the first RTP packet at the
 * real commune's loudspeaker. Phase 3, the catch-up: the real commune and one simulated downstream away while a backlog
 * of K bulletins (C for the commune) queues in the upstream's outbox ({@link LinkBacklog}), then back one after the
 * other: messages per second until the upstream's backlog for it is empty, and the receiver's count, order and ids.
 * The upstream's CPU time (from {@code /proc}) per message delivered, for each phase. {@code -Dloa.bench.link.downstreams=N
 * -Dloa.bench.link.bulletins=B -Dloa.bench.link.emergencies=E -Dloa.bench.link.backlog=K
 * -Dloa.bench.link.communeBacklog=C}.
 */
final class LinkBench {

    private static final String PASSWORD = "bench-password-1";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<SimulatedDownstream> simulated = new ArrayList<>();
    private String upToken;

    void run(Path out) throws Exception {
        int downstreams = Integer.getInteger("loa.bench.link.downstreams", 100);
        int bulletins = Integer.getInteger("loa.bench.link.bulletins", 20);
        int emergencies = Integer.getInteger("loa.bench.link.emergencies", 12);
        int backlog = Integer.getInteger("loa.bench.link.backlog", 10_000);
        // The real commune applies each bulletin as an announcement of its own (three lifecycle steps): a smaller one.
        int communeBacklog = Integer.getInteger("loa.bench.link.communeBacklog", 1_000);
        Map<String, String> fast = Map.of("LOA_ADMIN_PASSWORD", PASSWORD, "LOA_LINK_POLL_WAIT", "20",
                "LOA_LINK_RETRY_MAX", "2", "LOA_DISK_MIN_FREE", "16");
        String loadBefore = Machine.loadAverage();
        LinkServer province = new LinkServer("tinh", fast);
        LinkServer commune = new LinkServer("xa-0", fast);
        try (Loudspeaker speaker = new Loudspeaker()) {
            province.start(http);
            commune.start(http);
            String up = province.base();
            upToken = BenchApi.login(http, up, "admin", PASSWORD);
            String downToken = BenchApi.login(http, commune.base(), "admin", PASSWORD);
            BenchApi.send(http, commune.base(), downToken, "POST", "/api/v1/zones", new JsonObject()
                    .put("id", "thon-1").put("name", "Thôn 1"));
            BenchApi.send(http, commune.base(), downToken, "POST", "/api/v1/nodes", new JsonObject()
                    .put("id", "loa-1").put("name", "Loa 1").put("zone", "thon-1").put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port()));
            String key = register(up, "xa-0");
            BenchApi.send(http, commune.base(), downToken, "PUT", "/api/v1/upstream", new JsonObject()
                    .put("url", up).put("id", "xa-0").put("key", key));
            for (int i = 1; i < downstreams; i++) {
                SimulatedDownstream d = new SimulatedDownstream(http, up, "xa-" + i, register(up, "xa-" + i));
                simulated.add(d);
                d.start();
            }
            JsonObject normal = normal(province, bulletins);
            JsonObject fanOut = fanOut(province, speaker, emergencies);
            JsonObject result = new JsonObject()
                    .put("downstreams", new JsonObject().put("total", downstreams).put("real", 1)
                            .put("simulated", downstreams - 1))
                    .put("fanOut", fanOut).put("normal", normal)
                    .put("note", "2 cores shared with the bench's own 99 pollers and other builds; the upstream's CPU "
                            + "includes the API calls that created the bulletins")
                    .put("loadAverageBefore", loadBefore).put("loadAverageAfterFanOut", Machine.loadAverage())
                    .put("machine", Machine.describe());
            write(out, result); // the catch-up takes longest: what was measured is kept if it is cut short

            // Phase 3: the real commune and one simulated downstream go away; a bulletin for both, then the backlog.
            for (SimulatedDownstream d : simulated) {
                d.stop();
            }
            commune.stop();
            long id = created(up, new JsonObject().put("title", "Tin tồn đọng 0").put("text", "Thông báo của tỉnh.")
                    .put("zones", new JsonArray().add("xa-0").add("xa-1")));
            BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/submit", new JsonObject());
            BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/approve", new JsonObject());
            province.stop();
            LinkBacklog.fill(province.h2Url(), Map.of("xa-0", communeBacklog, "xa-1", backlog));
            province.start(http);
            upToken = BenchApi.login(http, up, "admin", PASSWORD);
            JsonObject catchUp = new JsonObject();
            result.put("catchUp", catchUp);
            catchUp.put("simulated", catchUpSimulated(province, simulated.get(0), backlog));
            write(out, result);
            catchUp.put("realCommune", catchUpCommune(province, commune, communeBacklog, bulletins + emergencies));
            write(out, result.put("loadAverageAfter", Machine.loadAverage()));
            System.out.println(result.encodePrettily());
        } finally {
            for (SimulatedDownstream d : simulated) {
                d.stop();
            }
            province.kill();
            commune.kill();
        }
    }

    private static void write(Path out, JsonObject result) throws java.io.IOException {
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }

    /** Phase 1: thông thường bulletins to the whole province; each delivery from its approval to its poll answer. */
    private JsonObject normal(LinkServer province, int bulletins) throws Exception {
        String up = province.base();
        List<Long> ids = new ArrayList<>();
        List<Long> approvedAt = new ArrayList<>();
        double cpu0 = province.cpuSeconds();
        long start = System.nanoTime();
        for (int b = 0; b < bulletins; b++) {
            long id = created(up, new JsonObject().put("title", "Tin " + b).put("text", "Thông báo số " + b
                    + " của tỉnh.").put("zones", new JsonArray().add("root")));
            BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/submit", new JsonObject());
            ids.add(id);
            approvedAt.add(System.nanoTime()); // before the call: its poll may answer before the call does
            BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/approve", new JsonObject());
        }
        long published = System.nanoTime();
        awaitAll(ids, 300);
        long last = System.nanoTime();
        double cpu = province.cpuSeconds() - cpu0;
        List<Double> latencies = new ArrayList<>();
        for (int b = 0; b < ids.size(); b++) {
            for (SimulatedDownstream d : simulated) {
                Long at = d.arrival(ids.get(b));
                if (at != null) {
                    latencies.add(Math.max(0, at - approvedAt.get(b)) / 1e6);
                }
            }
        }
        double seconds = (last - start) / 1e9;
        return new JsonObject().put("bulletins", bulletins)
                .put("deliveriesExpected", bulletins * simulated.size()).put("deliveriesReceived", latencies.size())
                .put("publishSeconds", round((published - start) / 1e9)).put("untilLastDeliverySeconds", round(seconds))
                .put("deliveriesPerSecond", round(latencies.size() / seconds))
                .put("approvalToPollMs", figures(latencies))
                .put("upstreamCpuMsPerDelivery", round(cpu * 1000 / Math.max(1, latencies.size())));
    }

    /** Phase 2: khẩn cấp bulletins to the whole province, one at a time, until the last downstream has each. */
    private JsonObject fanOut(LinkServer province, Loudspeaker speaker, int emergencies) throws Exception {
        String up = province.base();
        List<Double> untilLast = new ArrayList<>();
        List<Double> deliveries = new ArrayList<>();
        List<Double> onAir = new ArrayList<>();
        double cpu = 0;
        int complete = 0;
        for (int e = 0; e < emergencies; e++) {
            double cpu0 = province.cpuSeconds();
            long before = System.nanoTime();
            long id = created(up, new JsonObject().put("title", "Khẩn " + e).put("priority", "EMERGENCY")
                    .put("text", "Khẩn cấp.").put("zones", new JsonArray().add("root")));
            BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements/" + id + "/broadcast", new JsonObject());
            long spurt = 0;
            while (spurt == 0 && System.nanoTime() - before < 30_000_000_000L) {
                Thread.sleep(5);
                spurt = speaker.firstSpurtAfter(before);
            }
            awaitAll(List.of(id), 30);
            cpu += province.cpuSeconds() - cpu0;
            long last = spurt;
            int arrived = spurt == 0 ? 0 : 1;
            for (SimulatedDownstream d : simulated) {
                Long at = d.arrival(id);
                if (at != null) {
                    arrived++;
                    last = Math.max(last, at);
                    deliveries.add((at - before) / 1e6);
                }
            }
            if (spurt != 0) {
                onAir.add((spurt - before) / 1e6);
            }
            if (arrived == simulated.size() + 1) {
                complete++;
                untilLast.add((last - before) / 1e6);
            }
            speaker.quietFor(1500);
        }
        int delivered = deliveries.size() + onAir.size();
        return new JsonObject().put("bulletins", emergencies).put("reachedEveryDownstream", complete)
                .put("untilLastDownstreamMs", figures(untilLast))
                .put("simulatedPollAnswerMs", figures(deliveries))
                .put("realCommuneFirstRtpMs", figures(onAir))
                .put("deliveries", delivered)
                .put("upstreamCpuMsPerDelivery", round(cpu * 1000 / Math.max(1, delivered)));
    }

    /** Phase 3, a simulated downstream back: its poll loop drains the backlog as fast as the upstream serves it. */
    private JsonObject catchUpSimulated(LinkServer province, SimulatedDownstream d, int backlog) throws Exception {
        long got0 = d.bulletins();
        long wrong0 = d.outOfOrder();
        long ids0 = d.distinctMessages();
        double cpu0 = province.cpuSeconds();
        long start = System.nanoTime();
        d.start();
        awaitBacklogEmpty(province, d.id(), () -> d.bulletins() - got0 >= backlog);
        long end = System.nanoTime();
        double cpu = province.cpuSeconds() - cpu0;
        d.stop();
        long got = d.bulletins() - got0;
        return new JsonObject().put("downstream", d.id()).put("messages", backlog).put("received", got)
                .put("distinctIds", d.distinctMessages() - ids0).put("outOfOrderOrRepeated", d.outOfOrder() - wrong0)
                .put("seconds", round((end - start) / 1e9)).put("messagesPerSecond", round(got / ((end - start) / 1e9)))
                .put("upstreamCpuMsPerMessage", round(cpu * 1000 / Math.max(1, got)));
    }

    /**
     * Phase 3, the real commune back: from its /health answering (its link starts with it) until the upstream's
     * backlog for it is empty (it acknowledged the last); then its database says what it applied, once each and in
     * order.
     */
    private JsonObject catchUpCommune(LinkServer province, LinkServer commune, int backlog, int before)
            throws Exception {
        long launched = System.nanoTime();
        commune.start(http);
        double cpu0 = province.cpuSeconds();
        double communeCpu0 = commune.cpuSeconds();
        long start = System.nanoTime();
        awaitBacklogEmpty(province, "xa-0", () -> true);
        long end = System.nanoTime();
        double cpu = province.cpuSeconds() - cpu0;
        double communeCpu = commune.cpuSeconds() - communeCpu0;
        commune.stop();
        JsonObject applied = LinkBacklog.applied(commune.h2Url());
        return new JsonObject().put("downstream", "xa-0").put("messages", backlog)
                .put("startSeconds", round((start - launched) / 1e9))
                .put("seconds", round((end - start) / 1e9))
                .put("messagesPerSecond", round(backlog / ((end - start) / 1e9)))
                .put("upstreamCpuMsPerMessage", round(cpu * 1000 / backlog))
                .put("communeCpuMsPerMessage", round(communeCpu * 1000 / backlog))
                .put("expectedApplied", before + backlog).put("applied", applied);
    }

    private void awaitBacklogEmpty(LinkServer province, String downstream, java.util.function.BooleanSupplier also)
            throws Exception {
        long deadline = System.nanoTime() + 15L * 60 * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (also.getAsBoolean()) {
                JsonArray all = new JsonArray(BenchApi.send(http, province.base(), upToken, "GET", "/api/v1/downstreams",
                        new JsonObject()));
                for (Object o : all) {
                    JsonObject d = (JsonObject) o;
                    if (downstream.equals(d.getString("id")) && d.getLong("backlog") == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the backlog for " + downstream + " did not drain within 15 minutes");
    }

    /** Waits until every simulated downstream has each of {@code ids}, or {@code seconds} passed. */
    private void awaitAll(List<Long> ids, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline
                && !simulated.stream().allMatch(d -> ids.stream().allMatch(id -> d.arrival(id) != null))) {
            Thread.sleep(2);
        }
    }

    private String register(String up, String id) throws Exception {
        BenchApi.send(http, up, upToken, "POST", "/api/v1/zones", new JsonObject().put("id", id).put("name", "Xã " + id));
        return new JsonObject(BenchApi.send(http, up, upToken, "POST", "/api/v1/downstreams", new JsonObject()
                .put("id", id).put("name", "Đài " + id).put("zone", id))).getString("key");
    }

    private long created(String up, JsonObject announcement) throws Exception {
        return new JsonObject(BenchApi.send(http, up, upToken, "POST", "/api/v1/announcements", announcement))
                .getLong("id");
    }

    /** Median, p90, p95, p99 and the worst of some milliseconds. */
    private static JsonObject figures(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        JsonObject figures = Percentiles.of(sorted);
        if (sorted.length > 0) {
            figures.put("p95", round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)]));
        }
        return figures;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
