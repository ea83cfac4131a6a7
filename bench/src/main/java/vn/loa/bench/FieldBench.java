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
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.loa.wire.control.Keepalive;
import vn.loa.wire.control.KeepaliveCodec;
import vn.loa.wire.rtp.RtcpReceiverReport;
import vn.loa.wire.rtp.RtcpReportBlock;
import vn.loa.server.LoaServer;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.testing.AgentProcess;
import vn.loa.server.testing.FieldNetwork;
import vn.loa.server.testing.JitterRelay;

/**
 * A Loa node agent behind a carrier NAT on a lossy 4G-like downlink (random drops at the router), per codec: how much of an
 * emergency's audio it recovered, how long from the broadcast call to the first packet at the box, what its
 * keepalives cost, what the fallback over the control connection costs, and the bytes per speaker-hour. The server
 * runs in this process, the agent in the NAT's namespace ({@link FieldNetwork}, needs root); tcpdump captures at the box.
 */
final class FieldBench {

    private static final String PASSWORD = "bench-password-1";
    private static final String NODE = "loa-4g-bench";
    /** About 20 s of speech. */
    private static final String NOTICE = "Ban chỉ huy phòng chống thiên tai xã thông báo: do ảnh hưởng của bão số ba, "
            + "từ chiều nay đến sáng mai trên địa bàn xã có mưa rất to, nước sông lên nhanh. Bà con vùng trũng thấp và "
            + "ven sông di chuyển người, tài sản và gia súc lên nơi cao ngay. Không qua lại các ngầm tràn, không đánh bắt "
            + "cá trên sông. Mọi thông tin xin liên hệ ban chỉ huy xã.";
    /** A poor 4G downlink: one packet in twenty lost (this kernel has no netem for jitter). */
    private static final double LOSS = 0.05;
    private static final Pattern ENDED = Pattern.compile("announcement (\\d+): (\\d+) ms([^\\n]*)");
    private static final Pattern LOST = Pattern.compile("(\\d+) gói mất");
    private static final Pattern RECOVERED = Pattern.compile("(\\d+) gói khôi phục");
    private static final Pattern LONGEST = Pattern.compile("longest gap (\\d+) ms");
    /** The jitter relay's downlink: each datagram 0 to this many ms late, so packets 20 ms apart are reordered. */
    private static final int JITTER_MS = 80;

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            System.err.println("./loa bench field builds network namespaces: run it as root.");
            System.exit(2);
        }
        String loadBefore = Machine.loadAverage();
        JsonArray runs = new JsonArray();
        try (FieldNetwork network = FieldNetwork.build()) {
            Properties p = ConfigLoader.defaults();
            p.setProperty("data.dir", Files.createTempDirectory("loa-bench-field-").toString());
            p.setProperty("http.port", "0");
            p.setProperty("http.host", "0.0.0.0");
            p.setProperty("admin.password", PASSWORD);
            try (LoaServer server = new LoaServer(ConfigLoader.from(p), Clock.systemUTC())) {
                int port = server.start();
                String base = "http://127.0.0.1:" + port;
                String admin = BenchApi.login(http, base, "admin", PASSWORD);
                BenchApi.send(http, base, admin, "POST", "/api/v1/zones",
                        new JsonObject().put("id", "thon-4g").put("name", "Thôn 4G"));
                // -Dloa.bench.field.jitterOnly=true skips the NAT runs, for trying the jitter buffer.
                if (!Boolean.getBoolean("loa.bench.field.jitterOnly")) {
                    for (String codec : List.of("PCMU", "OPUS")) {
                        for (double loss : new double[] {0, LOSS}) {
                            runs.add(measure(network, server, base, admin, port, codec, loss, false));
                        }
                    }
                    runs.add(measure(network, server, base, admin, port, "PCMU", 0, true));
                    runs.add(measure(network, server, base, admin, port, "OPUS", LOSS, true));
                }
                network.serverAtGateway(port);
                for (String codec : List.of("PCMU", "OPUS")) {
                    for (double loss : new double[] {0, LOSS}) {
                        runs.add(throughJitter(base, admin, port, codec, loss));
                    }
                }
            }
        }
        // A keepalive with the receiver report it carries once the agent hears its stream (one report block).
        int keepaliveBytes = KeepaliveCodec.encode(new Keepalive(false, NODE, 1, 0, new RtcpReceiverReport(1,
                List.of(new RtcpReportBlock(2, 0, 0, 0, 0, 0, 0)))), new byte[32]).length + 28;
        int answerBytes = KeepaliveCodec.encode(new Keepalive(true, NODE, 1, 0), new byte[32]).length + 28;
        JsonObject result = new JsonObject()
                .put("benchmark", "field: a node agent behind a MASQUERADE NAT (network namespaces), an EMERGENCY of "
                        + "about 20 s per run, downlink clean or losing " + (int) (LOSS * 100) + " % of packets at random "
                        + "(iptables statistic on the router); then an agent on the LAN behind a userspace relay on the "
                        + "router that delays each downlink datagram by a random 0-" + JITTER_MS + " ms (reordering them) "
                        + "and drops " + (int) (LOSS * 100) + " % at random or none (this kernel has no netem)")
                .put("runs", runs)
                .put("keepalive", new JsonObject().put("intervalSeconds", 15).put("ipBytesEach", keepaliveBytes)
                        .put("answerIpBytes", answerBytes)
                        .put("bytesPerHour", (long) (keepaliveBytes + answerBytes) * 3600 / 15)
                        .put("what", "a keepalive with its RTCP receiver report and the server's answer every 15 s "
                                + "(LOA_RTP_KEEPALIVE), IP and UDP headers included"))
                .put("loadAverageBefore", loadBefore)
                .put("loadAverageAfter", Machine.loadAverage())
                .put("note", "server, router, NAT and agent share one machine; loss is random per packet (no bursts); "
                        + "jitter comes from a userspace relay (JitterRelay), not netem; first packet: from the broadcast "
                        + "call to the first media packet captured at the box; audioRecoveredPercent counts audio "
                        + "concealed after Opus's in-band FEC rebuilt what it could (packetsRecoveredByFec)")
                .put("machine", Machine.describe());
        Files.createDirectories(out.getParent());
        Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
        System.out.println(result.encodePrettily());
        System.out.println("wrote " + out);
    }

    private JsonObject measure(FieldNetwork network, LoaServer server, String base, String admin, int port,
            String codec, double loss, boolean udpBlocked) throws Exception {
        String node = NODE + "-" + codec.toLowerCase() + (loss == 0 ? "" : "-lossy") + (udpBlocked ? "-tcp" : "");
        String token = new JsonObject(BenchApi.send(http, base, admin, "POST", "/api/v1/nodes", new JsonObject()
                .put("id", node).put("name", "Loa " + node).put("zone", "thon-4g").put("kind", "agent")
                .put("codec", codec))).getString("token");
        Path folder = Files.createTempDirectory("loa-bench-field-run-");
        Path capture = folder.resolve("box.pcap");
        network.downlinkLoss(loss);
        network.blockUdp(udpBlocked);
        try (AgentProcess agent = AgentProcess.start(FieldNetwork.CPE, "http://" + FieldNetwork.SERVER + ":" + port,
                node, token)) {
            String via = udpBlocked ? "channel" : "udp";
            await(() -> {
                JsonObject path = get(base, admin, "/api/v1/nodes/" + node).getJsonObject("path");
                return path != null && via.equals(path.getString("via"))
                        && (udpBlocked || path.getString("observed") != null);
            }, "the agent online, its audio by " + via, agent);
            Process tcpdump = FieldNetwork.start(FieldNetwork.CPE, folder.resolve("tcpdump.log"), List.of("tcpdump",
                    "-i", "lfw7", "-n", "-U", "-w", capture.toString(), "src", FieldNetwork.SERVER));
            await(() -> log(folder.resolve("tcpdump.log")).contains("listening"), "tcpdump listens", agent);
            long id = new JsonObject(BenchApi.send(http, base, admin, "POST", "/api/v1/announcements",
                    new JsonObject().put("title", "Bão số 3").put("text", NOTICE).put("priority", "EMERGENCY")
                            .put("chime", false).put("zones", new JsonArray().add("thon-4g")))).getLong("id");
            long asked = System.currentTimeMillis() * 1000;
            BenchApi.send(http, base, admin, "POST", "/api/v1/announcements/" + id + "/broadcast", new JsonObject());
            await(() -> ENDED.matcher(agent.log()).results().anyMatch(m -> m.group(1).equals(String.valueOf(id))),
                    "the agent's take ended", agent);
            Thread.sleep(1000);
            new ProcessBuilder("kill", "-INT", String.valueOf(tcpdump.pid())).start().waitFor();
            tcpdump.waitFor(10, TimeUnit.SECONDS);

            Take take = Take.of(agent.log(), id);
            long millis = take.millis();
            long lost = take.concealed();
            List<PcapFlows.Packet> packets = PcapFlows.read(capture);
            int protocol = udpBlocked ? PcapFlows.Packet.TCP : PcapFlows.Packet.UDP;
            // Media only: on UDP, everything from the server but the answers to keepalives (of one known size).
            int answer = KeepaliveCodec.encode(new Keepalive(true, node, 1, 0), new byte[32]).length + 28;
            List<PcapFlows.Packet> media = packets.stream().filter(x -> x.protocol() == protocol
                    && (udpBlocked ? x.sourcePort() == port : x.ipLength() != answer)).toList();
            long bytes = media.stream().mapToLong(PcapFlows.Packet::ipLength).sum();
            long first = media.isEmpty() ? 0 : media.get(0).micros();
            double seconds = media.isEmpty() ? 0
                    : (media.get(media.size() - 1).micros() - first) / 1e6 + 0.02;
            JsonObject nodeNow = get(base, admin, "/api/v1/nodes/" + node);
            JsonObject run = new JsonObject().put("codec", codec)
                    .put("downlink", loss == 0 ? "clean" : (int) (loss * 100) + " % loss")
                    .put("path", udpBlocked ? "control connection (UDP blocked at the NAT)" : "UDP through the NAT")
                    .put("recordedMs", millis).put("packetsConcealed", lost)
                    .put("packetsRecoveredByFec", take.recovered())
                    .put("audioRecoveredPercent", take.recoveredPercent())
                    .put("firstPacketMs", udpBlocked || first == 0 ? null : (first - asked) / 1000.0)
                    .put("mediaIpBytes", bytes)
                    .put("bytesPerSpeakerHour", seconds == 0 ? 0 : Math.round(bytes / seconds * 3600))
                    .put("agentStatus", nodeNow.getJsonObject("status"))
                    .put("agentTakes", agent.log().lines().filter(l -> l.contains("announcement")).toList());
            System.out.println(run.encode());
            return run;
        } finally {
            network.blockUdp(false);
            network.downlinkLoss(0);
            BenchApi.send(http, base, admin, "DELETE", "/api/v1/nodes/" + node, new JsonObject());
        }
    }

    /**
     * An agent on the LAN whose keepalives, and so its stream, go through a {@link JitterRelay} on the router: each
     * downlink datagram 0-80 ms late, in any order, {@code loss} of them dropped.
     */
    private JsonObject throughJitter(String base, String admin, int port, String codec, double loss) throws Exception {
        String node = NODE + "-" + codec.toLowerCase() + "-jitter" + (loss == 0 ? "" : "-lossy");
        String token = new JsonObject(BenchApi.send(http, base, admin, "POST", "/api/v1/nodes", new JsonObject()
                .put("id", node).put("name", "Loa " + node).put("zone", "thon-4g").put("kind", "agent")
                .put("codec", codec))).getString("token");
        Path folder = Files.createTempDirectory("loa-bench-field-jitter-");
        Process relay = null;
        try (AgentProcess agent = AgentProcess.start(FieldNetwork.LAN, "http://" + FieldNetwork.LAN_GATEWAY + ":"
                + port, node, token)) {
            await(() -> agent.keepalivePort().isPresent(), "the agent welcomed", agent);
            relay = FieldNetwork.jitterRelay(agent.keepalivePort().getAsInt(), JITTER_MS, loss * 100,
                    folder.resolve("relay.log"));
            await(() -> {
                JsonObject path = get(base, admin, "/api/v1/nodes/" + node).getJsonObject("path");
                return path != null && "udp".equals(path.getString("via"))
                        && String.valueOf(path.getString("observed")).startsWith(FieldNetwork.ROUTER_UPLINK + ":");
            }, "the agent's keepalives through the relay", agent);
            long id = new JsonObject(BenchApi.send(http, base, admin, "POST", "/api/v1/announcements",
                    new JsonObject().put("title", "Bão số 3").put("text", NOTICE).put("priority", "EMERGENCY")
                            .put("chime", false).put("zones", new JsonArray().add("thon-4g")))).getLong("id");
            BenchApi.send(http, base, admin, "POST", "/api/v1/announcements/" + id + "/broadcast", new JsonObject());
            await(() -> ENDED.matcher(agent.log()).results().anyMatch(m -> m.group(1).equals(String.valueOf(id))),
                    "the agent's take ended", agent);
            // A heartbeat (every 10 s) after the take, with the buffer's delay and the late packets.
            Thread.sleep(11_000);
            Take take = Take.of(agent.log(), id);
            JsonObject nodeNow = get(base, admin, "/api/v1/nodes/" + node);
            JsonObject run = new JsonObject().put("codec", codec)
                    .put("downlink", "0-" + JITTER_MS + " ms jitter, reordered"
                            + (loss == 0 ? "" : ", " + (int) (loss * 100) + " % loss"))
                    .put("path", "UDP through the jitter relay")
                    .put("recordedMs", take.millis()).put("packetsConcealed", take.concealed())
                    .put("packetsRecoveredByFec", take.recovered())
                    .put("longestConcealedGapMs", take.longestGapMillis())
                    .put("bufferMsAtEnd", agent.bufferMillisAtEnd(id))
                    .put("audioRecoveredPercent", take.recoveredPercent())
                    .put("agentStatus", nodeNow.getJsonObject("status"))
                    .put("agentLink", nodeNow.getJsonObject("path", new JsonObject()).getJsonObject("link"))
                    .put("agentTakes", agent.log().lines()
                            .filter(l -> l.contains("announcement") || l.contains("jitter buffer")).toList());
            System.out.println(run.encode());
            return run;
        } finally {
            if (relay != null) {
                relay.destroyForcibly();
            }
            BenchApi.send(http, base, admin, "DELETE", "/api/v1/nodes/" + node, new JsonObject());
        }
    }

    /** One announcement's take as the agent logged its end: duration, packets concealed and rebuilt, longest gap. */
    private record Take(long millis, long concealed, long recovered, long longestGapMillis) {

        static Take of(String log, long id) {
            Matcher ended = ENDED.matcher(log);
            Take take = new Take(0, 0, 0, 0);
            while (ended.find()) {
                if (ended.group(1).equals(String.valueOf(id))) {
                    String rest = ended.group(3);
                    take = new Take(Long.parseLong(ended.group(2)), first(LOST, rest), first(RECOVERED, rest),
                            first(LONGEST, rest));
                }
            }
            return take;
        }

        /** 1 - concealed packets x 20 ms / recorded duration: the audio that reached the listener, after FEC. */
        double recoveredPercent() {
            return millis == 0 ? 0 : Math.round((1 - concealed * 20.0 / millis) * 1000) / 10.0;
        }

        private static long first(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? Long.parseLong(m.group(1)) : 0;
        }
    }

    private JsonObject get(String base, String token, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            return new JsonObject(r.body());
        } catch (Exception e) {
            return new JsonObject();
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what, AgentProcess agent)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("not within 90 s: " + what + "\n" + agent.log());
            }
            Thread.sleep(100);
        }
    }
}
