package vn.loa.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import vn.loa.server.LoaServer;
import vn.loa.server.config.ConfigLoader;
import vn.loa.server.hotline.Hotline;

/**
 * The hotline, timed over calls placed by Debian's SIPp: from the menu key (1, live to every zone) arriving at Loa to
 * the first RTP packet at a loudspeaker (the chime that opens the live speech), and how long the caller's voice waits
 * in Loa between its RTP packet's arrival and the zone packet that carries it out (the relay's added latency; on
 * loopback the network adds nothing). The server, SIPp and the loudspeaker run on the same machine.
 */
final class HotlineBench {

    private static final String PASSWORD = "bench-password-1";
    private static final String NUMBER = "+84900000001";
    private static final String PIN = "1234";
    private static final Path G711A = Path.of("/usr/share/sip-tester/g711a.pcap");

    private final HttpClient http = HttpClient.newHttpClient();

    void run(Path out) throws Exception {
        int calls = Integer.getInteger("loa.bench.hotline.calls", 50);
        Properties p = ConfigLoader.defaults();
        p.setProperty("data.dir", Files.createTempDirectory("loa-bench-").toString());
        p.setProperty("http.port", "0");
        p.setProperty("http.host", "127.0.0.1");
        p.setProperty("admin.password", PASSWORD);
        p.setProperty("hotline.enabled", "true");
        p.setProperty("hotline.host", "127.0.0.1");
        p.setProperty("hotline.port", "0");
        String loadBefore = Machine.loadAverage();
        try (LoaServer server = new LoaServer(ConfigLoader.from(p), Clock.systemUTC());
                Loudspeaker speaker = new Loudspeaker()) {
            String base = "http://127.0.0.1:" + server.start();
            String admin = login(base);
            send(base, admin, "POST", "/api/v1/zones", new JsonObject().put("id", "thon-bench").put("name", "Thôn Đo"));
            send(base, admin, "POST", "/api/v1/nodes", new JsonObject().put("id", "loa-bench").put("name", "Loa đo")
                    .put("zone", "thon-bench").put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port()));
            send(base, admin, "POST", "/api/v1/hotline/numbers", new JsonObject().put("number", NUMBER)
                    .put("username", "admin").put("pin", PIN));
            Hotline hotline = server.hotline();
            int sipPort = hotline.sip().orElseThrow().port();
            Path dir = Files.createTempDirectory("loa-bench-sipp-");
            Path voice = shortCapture(dir.resolve("voice.pcap"), 67); // 2 s of SIPp's own PCMA capture
            Path scenario = dir.resolve("call.xml");
            Files.writeString(scenario, scenario(voice), StandardCharsets.UTF_8);

            List<Double> takeover = new ArrayList<>();
            List<Double> callMedians = new ArrayList<>();
            List<Long> allWaits = new ArrayList<>();
            int failed = 0;
            for (int i = -2; i < calls; i++) { // two calls to warm up, not counted
                speaker.clear();
                hotline.latency().drain();
                int exit = sipp(dir, scenario, sipPort);
                speaker.quietFor(800);
                long digit = hotline.sip().orElseThrow().metrics().lastLiveDigitNanos();
                long first = speaker.firstAfter(digit);
                long[] waits = hotline.latency().drain();
                if (i < 0) {
                    continue;
                }
                if (exit != 0 || first == 0 || waits.length == 0) {
                    failed++;
                    System.out.printf("call %d: sipp exit %d, first packet %s, %d waits%n", i, exit, first, waits.length);
                    continue;
                }
                takeover.add((first - digit) / 1e6);
                Arrays.sort(waits);
                callMedians.add(waits[waits.length / 2] / 1e6);
                for (long w : waits) {
                    allWaits.add(w);
                }
                System.out.printf("call %2d: key -> first packet %6.1f ms, relay wait median %5.1f ms%n", i,
                        takeover.get(takeover.size() - 1), callMedians.get(callMedians.size() - 1));
            }
            double[] relay = allWaits.stream().mapToDouble(w -> w / 1e6).sorted().toArray();
            JsonObject result = new JsonObject()
                    .put("benchmark", "hotline: SIPp calls, PIN by SIP INFO, key 1, 2 s of SIPp's g711a.pcap as the voice")
                    .put("calls", calls)
                    .put("failedCalls", failed)
                    .put("keyToFirstPacketMs", Percentiles.of(
                            takeover.stream().mapToDouble(Double::doubleValue).sorted().toArray())
                            .put("what", "from the key 1 (SIP INFO) arriving at Loa to the first RTP packet at the "
                                    + "loudspeaker (the chime): creating the EMERGENCY announcement, finding the zone's "
                                    + "nodes, the arbiter, the next 20 ms tick"))
                    .put("relayAddedMs", Percentiles.of(relay)
                            .put("what", "how long each 20 ms of the caller's voice waited in Loa, from its RTP packet's "
                                    + "arrival to the zone packet that carried it out, over every packet of every call")
                            .put("callMediansMs", Percentiles.of(callMedians.stream().mapToDouble(Double::doubleValue).sorted()
                                    .toArray())))
                    .put("loadAverageBefore", loadBefore)
                    .put("loadAverageAfter", Machine.loadAverage())
                    .put("note", "server, SIPp and the loudspeaker share the machine; SIPp sends the capture's 30 ms "
                            + "packets, Loa sends 20 ms ones, so a sample waits up to one extra packet time by design")
                    .put("machine", Machine.describe());
            Files.createDirectories(out.getParent());
            Files.writeString(out, result.encodePrettily() + "\n", StandardCharsets.UTF_8);
            System.out.println(result.encodePrettily());
            System.out.println("wrote " + out);
        }
    }


    private static String scenario(Path voice) {
        StringBuilder s = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <scenario name="loa hotline bench call">
                <send retrans="500"><![CDATA[
                INVITE sip:hotline@[remote_ip]:[remote_port] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:%1$s@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:hotline@[remote_ip]:[remote_port]>
                Call-ID: [call_id]
                CSeq: 1 INVITE
                Contact: <sip:%1$s@[local_ip]:[local_port]>
                Max-Forwards: 70
                Content-Type: application/sdp
                Content-Length: [len]

                v=0
                o=phone 1 1 IN IP4 [local_ip]
                s=-
                c=IN IP4 [media_ip]
                t=0 0
                m=audio [media_port] RTP/AVP 8 101
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                ]]></send>
                <recv response="100" optional="true"/>
                <recv response="200" rrs="true"/>
                """.formatted(NUMBER));
        s.append(request("ACK", 1, null)).append("<pause milliseconds=\"200\"/>\n");
        int cseq = 2;
        for (char key : (PIN + "#").toCharArray()) {
            s.append(request("INFO", cseq++, key)).append("<recv response=\"200\"/>\n");
        }
        s.append("<pause milliseconds=\"600\"/>\n").append(request("INFO", cseq++, '1')).append("<recv response=\"200\"/>\n")
                .append("<pause milliseconds=\"1700\"/>\n")
                .append("<nop><action><exec play_pcap_audio=\"").append(voice).append("\"/></action></nop>\n")
                .append("<pause milliseconds=\"2300\"/>\n").append(request("BYE", cseq, null))
                .append("<recv response=\"200\" crlf=\"true\"/>\n</scenario>\n");
        return s.toString();
    }

    private static String request(String method, int cseq, Character key) {
        return """
                <send><![CDATA[
                %1$s [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:%2$s@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:hotline@[remote_ip]:[remote_port]>[peer_tag_param]
                Call-ID: [call_id]
                CSeq: %3$d %1$s
                Max-Forwards: 70
                %4$sContent-Length: [len]

                %5$s
                ]]></send>
                """.formatted(method, NUMBER, cseq, key == null ? "" : "Content-Type: application/dtmf-relay\n",
                key == null ? "" : "Signal=" + key + "\nDuration=100");
    }

    private static int sipp(Path dir, Path scenario, int port) throws IOException, InterruptedException {
        Process sipp = new ProcessBuilder("sipp", "127.0.0.1:" + port, "-sf", scenario.toString(), "-m", "1", "-l", "1",
                "-i", "127.0.0.1", "-mi", "127.0.0.1", "-p", String.valueOf(freePort()), "-mp",
                String.valueOf(freeMediaPorts()), "-nostdin", "-timeout", "30s").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sipp.out").toFile()).start();
        if (!sipp.waitFor(40, TimeUnit.SECONDS)) {
            sipp.destroyForcibly();
            return -1;
        }
        return sipp.exitValue();
    }

    /** The first {@code packets} RTP packets of SIPp's PCMA capture, as a capture of their own. */
    private static Path shortCapture(Path out, int packets) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(G711A)).order(ByteOrder.LITTLE_ENDIAN);
        int offset = 24;
        for (int i = 0; i < packets && offset + 16 <= in.limit(); i++) {
            offset += 16 + in.getInt(offset + 8);
        }
        Files.write(out, Arrays.copyOf(in.array(), offset));
        return out;
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String login(String base) throws Exception {
        return BenchApi.login(http, base, "admin", PASSWORD);
    }

    private String send(String base, String token, String method, String path, JsonObject body) throws Exception {
        return BenchApi.send(http, base, token, method, path, body);
    }

    /** An even port whose next three are free too: SIPp binds audio RTP, RTCP, video RTP and RTCP from it. */
    private static int freeMediaPorts() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = 20_000 + 2 * random.nextInt(20_000);
            List<DatagramSocket> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    held.add(new DatagramSocket(base + i, InetAddress.getLoopbackAddress()));
                }
                return base;
            } catch (java.net.SocketException taken) {
                // try another base
            } finally {
                held.forEach(DatagramSocket::close);
            }
        }
        throw new IOException("no four free UDP ports in a row for SIPp's media");
    }
}
