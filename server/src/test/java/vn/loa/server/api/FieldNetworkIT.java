package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javax.sound.sampled.AudioSystem;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.AgentProcess;
import vn.loa.server.testing.FieldNetwork;
import vn.loa.server.testing.Pcap;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.ToneTimes;
import vn.loa.server.testing.Uploads;

/**
 * Live audio across a real field network ({@link FieldNetwork}): a router between the server and a village LAN, and a
 * carrier NAT in front of a 4G speaker box. Loopback hides all of this; here a datagram with TTL 1 dies at the router,
 * and a stream sent to the box's private address or its announced port never arrives.
 */
@RunsAlone("builds network namespaces of fixed names and routes 10.77.0.0/16 in the machine's namespace; asserts RTP gaps in milliseconds")
class FieldNetworkIT {

    /** Keepalives every 2 s, so the NAT tests wait seconds, not the production 15 s. */
    private static final int KEEPALIVE_SECONDS = 2;
    private static final String NOTICE = "Khẩn cấp: nước sông đang lên nhanh. Bà con vùng trũng di chuyển ngay "
            + "người và tài sản lên nơi cao. Không qua lại ngầm tràn.";

    private static FieldNetwork network;
    private static TestServer server;
    private static Province province;
    private static String serverUrl;
    private static String natZone;
    private static String natNode;
    private static AgentProcess natAgent;

    @BeforeAll
    static void start() throws Exception {
        network = FieldNetwork.build();
        server = TestServer.onH2(Map.of("http.host", "0.0.0.0", "rtp.keepalive", String.valueOf(KEEPALIVE_SECONDS),
                "hotline.enabled", "true", "hotline.host", "0.0.0.0", "hotline.port", "0",
                "hotline.public.host", FieldNetwork.SERVER));
        province = new Province(server);
        serverUrl = "http://" + FieldNetwork.SERVER + server.baseUrl().substring(server.baseUrl().lastIndexOf(':'));
        natZone = zone("thon-4g", "Thôn Bốn Gờ");
        natNode = Province.unique("loa-4g");
        natAgent = AgentProcess.start(FieldNetwork.CPE, serverUrl, natNode, agentNode(natNode, natZone));
        awaitThat(() -> path(natNode) != null && path(natNode).getString("observed") != null,
                "the agent behind the NAT is online and its keepalives arrive", natAgent);
    }

    @AfterAll
    static void stop() throws Exception {
        if (natAgent != null) {
            natAgent.close();
        }
        if (server != null) {
            server.close();
        }
        network.close();
    }

    @Test
    void aLiveEmergencyCrossesARouterToAThirdPartySpeakerAndAnAgentWithATtlAboveOne() throws Exception {
        String zone = zone("thon-lan", "Thôn Lan");
        String agentNode = Province.unique("loa-lan");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("ip-speaker"))
                .put("name", "Loa IP hãng khác").put("zone", zone).put("kind", "rtp")
                .put("address", FieldNetwork.LAN_HOST + ":5004").put("codec", "PCMU")));
        Path folder = TempDirs.create("loa-field-lan-");
        Path heardWav = folder.resolve("speaker.wav");
        Path capture = folder.resolve("lan.pcap");
        Process speaker = FieldNetwork.start(FieldNetwork.LAN, folder.resolve("gst.log"), List.of("gst-launch-1.0",
                "-e", "udpsrc", "port=5004", "caps=application/x-rtp,media=audio,clock-rate=8000,encoding-name=PCMU,"
                        + "payload=0", "!", "rtpjitterbuffer", "!", "rtppcmudepay", "!", "mulawdec", "!",
                "audioconvert", "!", "wavenc", "!", "filesink", "location=" + heardWav));
        Process tcpdump = FieldNetwork.start(FieldNetwork.LAN, folder.resolve("tcpdump.log"), List.of("tcpdump",
                "-i", "lfw3", "-n", "-U", "-w", capture.toString(), "udp", "and", "src", FieldNetwork.SERVER));
        try (AgentProcess agent = AgentProcess.start(FieldNetwork.LAN, serverUrl, agentNode,
                agentNode(agentNode, zone))) {
            awaitThat(() -> path(agentNode) != null && path(agentNode).getString("observed") != null,
                    "the LAN agent is online and its keepalives arrive", agent);
            awaitThat(() -> Files.exists(capture) && log(folder.resolve("tcpdump.log")).contains("listening"),
                    "tcpdump listens", agent);

            long id = emergency(zone);
            awaitThat(() -> "PLAYED".equals(deliveryState(id, agentNode)), "the LAN agent played it "
                    + province.approverA.get("/api/v1/announcements/" + id).body(), agent);
            awaitThat(() -> "DONE".equals(state(id)), "the emergency is done", agent);

            stop(speaker);
            stop(tcpdump);
            double expected = spokenSeconds();
            assertThat(seconds(heardWav)).as("what the third-party speaker heard, in seconds")
                    .isGreaterThan(expected * 0.9);
            assertThat(seconds(agent.recording(id).orElseThrow())).as("what the agent recorded (speaker: %.2f s)\n%s",
                    seconds(heardWav), agent.log())
                    .isGreaterThan(expected * 0.9);
            List<Integer> ttls = Pcap.ttls(capture);
            assertThat(ttls).as("RTP datagrams seen past the router").hasSizeGreaterThan(100);
            // Sent with the system's 64, one router on the way.
            assertThat(ttls).allSatisfy(ttl -> assertThat(ttl).isEqualTo(63));
        } finally {
            speaker.destroyForcibly();
            tcpdump.destroyForcibly();
        }
    }

    @Test
    void anAgentBehindACarrierNatHearsAnEmergencyAfterIdleMappingsWouldHaveExpired() throws Exception {
        network.natUdpTimeout(KEEPALIVE_SECONDS * 2);
        try {
            JsonObject path = path(natNode);
            assertThat(path.getString("observed")).as("the stream goes to the NAT's public side")
                    .startsWith(FieldNetwork.NAT_PUBLIC + ":");
            assertThat(path.getString("declared")).isNotEqualTo(path.getString("observed"));
            // Deliberately idle three times as long as the NAT keeps a mapping: only the keepalives hold it.
            Thread.sleep(KEEPALIVE_SECONDS * 6 * 1000L);

            long id = emergency(natZone);

            awaitThat(() -> "PLAYED".equals(deliveryState(id, natNode)), "the agent behind the NAT played it",
                    natAgent);
            assertThat(seconds(natAgent.recording(id).orElseThrow())).isGreaterThan(spokenSeconds() * 0.9);
        } finally {
            network.natUdpTimeout(30);
        }
    }

    @Test
    void whenTheNatRestartsMidBroadcastTheStreamFollowsTheNewMappingWithinAKeepalive() throws Exception {
        String before = path(natNode).getString("observed");
        long id = emergency(natZone);
        awaitThat(() -> "ON_AIR".equals(state(id)), "the emergency is on air", natAgent);
        Thread.sleep(1500); // deliberate: the restart comes mid-broadcast, after a while on the old mapping

        network.restartNat();
        long restarted = System.nanoTime();
        awaitThat(() -> !before.equals(path(natNode).getString("observed")), "the new mapping is followed",
                natAgent);
        double followedAfter = (System.nanoTime() - restarted) / 1e9;

        // The restart also cut the agent's TCP connection: its stop may be lost, so the end is reported as received.
        awaitThat(() -> List.of("PLAYED", "RECEIVED").contains(deliveryState(id, natNode)), "the agent reported it",
                natAgent);
        assertThat(followedAfter).as("seconds until the stream followed the NAT's new port")
                .isLessThan(KEEPALIVE_SECONDS * 3);
        assertThat(seconds(natAgent.recording(id).orElseThrow())).isGreaterThan(spokenSeconds() * 0.9);
        // At most about a keepalive's worth of the notice was lost to the restart, and concealed.
        assertThat(packetsLost(natAgent.log(), id)).as(natAgent.log())
                .isLessThanOrEqualTo((KEEPALIVE_SECONDS + 2) * 50);
    }

    @Test
    void whenUdpIsBlockedTheAudioComesOverTheControlChannelAndGoesBackToUdpWhenItWorks() throws Exception {
        network.blockUdp(true);
        try {
            awaitThat(() -> "channel".equals(path(natNode).getString("via")), "the agent asks for the channel",
                    natAgent);

            long id = emergency(natZone);

            awaitThat(() -> "PLAYED".equals(deliveryState(id, natNode)), "the agent played it over the channel",
                    natAgent);
            assertThat(seconds(natAgent.recording(id).orElseThrow())).isGreaterThan(spokenSeconds() * 0.9);
            assertThat(path(natNode).getLong("channelBytes")).isGreaterThan(10_000);
        } finally {
            network.blockUdp(false);
        }
        awaitThat(() -> "udp".equals(path(natNode).getString("via")), "back to UDP once it works", natAgent);
    }

    /**
     * This kernel has no netem: a relay on the router ({@link FieldNetwork#jitterRelay}) delays each datagram of the
     * downlink by a random 0-80 ms, so packets 20 ms apart arrive out of order, and the agent's jitter buffer must
     * measure that and wait long enough, but no longer.
     */
    @Test
    void throughEightyMillisecondsOfJitterAndReorderingTheRecordingHasNoGapLongerThanConcealmentCovers()
            throws Exception {
        String zone = zone("thon-song", "Thôn Sóng");
        String node = Province.unique("loa-song");
        String port = serverUrl.substring(serverUrl.lastIndexOf(':') + 1);
        network.serverAtGateway(Integer.parseInt(port));
        Path folder = TempDirs.create("loa-field-jitter-");
        Process relay = null;
        try (AgentProcess agent = AgentProcess.start(FieldNetwork.LAN, "http://" + FieldNetwork.LAN_GATEWAY + ":"
                + port, node, agentNode(node, zone))) {
            awaitThat(() -> agent.keepalivePort().isPresent(), "the agent is welcomed", agent);
            relay = FieldNetwork.jitterRelay(agent.keepalivePort().getAsInt(), 80, 0, folder.resolve("relay.log"));
            awaitThat(() -> path(node) != null && "udp".equals(path(node).getString("via"))
                    && String.valueOf(path(node).getString("observed")).startsWith(FieldNetwork.ROUTER_UPLINK + ":"),
                    "the agent's keepalives come through the relay", agent);

            long id = emergency(zone);
            awaitThat(() -> "PLAYED".equals(deliveryState(id, node)), "the agent played it", agent);

            double expected = spokenSeconds();
            assertThat(seconds(agent.recording(id).orElseThrow())).isGreaterThan(expected * 0.9);
            // Concealment covers a gap of up to 60 ms (three 20 ms packets) without a listener noticing a hole.
            assertThat(agent.longestGapMillis(id)).as(agent.log()).isLessThanOrEqualTo(60);
            assertThat(packetsLost(agent.log(), id)).as("packets concealed\n%s", agent.log())
                    .isLessThanOrEqualTo((long) (expected * 50 * 0.02));
            JsonObject link = path(node).getJsonObject("link");
            assertThat(link).as("the agent's receiver report reached the server").isNotNull();
            assertThat(link.getDouble("jitterMs")).as("the jitter the agent measured").isGreaterThan(5.0);
            // The buffer waits about as long as the jitter needs (0-80 ms, plus a margin), not a fixed 120 ms.
            assertThat(agent.bufferMillisAtEnd(id)).as(agent.log()).isBetween(60L, 110L);
        } finally {
            if (relay != null) {
                relay.destroyForcibly();
            }
        }
    }

    @Test
    void aBoxPullingTheZonesHttpStreamThroughTheNatHearsAnEmergencyCutAProgrammeWithinASecondOfRtp()
            throws Exception {
        String zone = zone("thon-hop-loa", "Thôn Hộp Loa");
        String box = Province.unique("hop-4g");
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", box)
                .put("name", "Hộp loa 4G").put("zone", zone).put("kind", "stream"))).json().getString("token");
        Path folder = TempDirs.create("loa-field-box-");
        String programme = upload(folder, 440, 30);
        String alert = upload(folder, 1000, 4);
        ToneTimes rtpAlert = new ToneTimes(1000, 440);
        ToneTimes boxProgramme = new ToneTimes(440, 1000);
        ToneTimes boxAlert = new ToneTimes(1000, 440);
        try (java.net.DatagramSocket rtp = new java.net.DatagramSocket(0,
                java.net.InetAddress.getLoopbackAddress())) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-rtp"))
                    .put("name", "Loa IP").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + rtp.getLocalPort()).put("codec", "PCMU")));
            Thread rtpReader = daemon(() -> readRtp(rtp, rtpAlert));
            String url = serverUrl.replace("http://", "http://" + box + ":" + token + "@") + "/streams/" + zone
                    + ".opus";
            Process ffmpeg = new ProcessBuilder(List.of("ip", "netns", "exec", FieldNetwork.CPE, "ffmpeg", "-nostdin",
                    "-loglevel", "error", "-fflags", "nobuffer", "-probesize", "32", "-analyzeduration", "0",
                    "-i", url, "-f", "s16le", "-ac", "1", "-ar", "8000", "-flush_packets", "1", "pipe:1"))
                    .redirectError(folder.resolve("ffmpeg.log").toFile()).start();
            Thread boxReader = daemon(() -> readPcm(ffmpeg, boxProgramme, boxAlert));
            try {
                awaitThat(() -> province.technicianA.get("/api/v1/nodes/" + box).json().getJsonObject("listening")
                        != null, "the box pulls its zone's stream", natAgent);
                long notice = created(province.clerkA.post("/api/v1/announcements", new JsonObject()
                        .put("title", "Chương trình ca nhạc").put("audioId", programme).put("chime", false)
                        .put("zones", new JsonArray().add(zone)))).json().getLong("id");
                province.clerkA.post("/api/v1/announcements/" + notice + "/submit", null);
                province.approverA.post("/api/v1/announcements/" + notice + "/approve", null);
                province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
                awaitThat(() -> boxProgramme.firstHeard() > 0, "the box hears the programme: " + log(folder
                        .resolve("ffmpeg.log")), natAgent);

                long emergency = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                        .put("title", "Báo động").put("audioId", alert).put("priority", "EMERGENCY")
                        .put("chime", false).put("zones", new JsonArray().add(zone)))).json().getLong("id");
                province.approverA.post("/api/v1/announcements/" + emergency + "/broadcast", null);
                awaitThat(() -> boxAlert.firstHeard() > 0 && rtpAlert.firstHeard() > 0,
                        "the box and the RTP speaker hear the alert", natAgent);
                double behind = (boxAlert.firstHeard() - rtpAlert.firstHeard()) / 1e9;
                System.out.printf("field: the HTTP stream heard the alert %.3f s after RTP%n", behind);
                assertThat(behind).as("seconds the HTTP stream is behind RTP").isLessThan(1.0);
                awaitThat(() -> "PLAYED".equals(deliveryState(emergency, box)), "the box's delivery is PLAYED",
                        natAgent);
                province.clerkA.post("/api/v1/announcements/" + notice + "/cancel", null);
            } finally {
                ffmpeg.destroyForcibly();
                rtp.close();
                rtpReader.join(2000);
                boxReader.join(2000);
            }
        }
    }

    @Test
    void aBoxThatPlaysOnlyMp3HearsItsZoneWithTheTitleOfTheNoticeInBand() throws Exception {
        String zone = zone("thon-mp3", "Thôn Mờ Pê Ba");
        String box = Province.unique("hop-mp3");
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", box)
                .put("name", "Hộp loa MP3").put("zone", zone).put("kind", "stream"))).json().getString("token");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/streams/" + zone
                + ".mp3?node=" + box + "&token=" + token)).header("Icy-MetaData", "1").build();
        var reply = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        int interval = Integer.parseInt(reply.headers().firstValue("icy-metaint").orElseThrow());
        java.util.List<String> titles = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.io.ByteArrayOutputStream audio = new java.io.ByteArrayOutputStream();
        Thread reader = daemon(() -> readIcy(reply.body(), interval, titles, audio));
        try {
            long id = emergency(zone);
            awaitThat(() -> titles.contains("Lũ"), "the notice's title in the stream " + titles, natAgent);
            awaitThat(() -> "PLAYED".equals(deliveryState(id, box)), "the box's delivery is PLAYED", natAgent);
            // 48 kb/s for the notice and the silence around it, in MPEG audio frames (sync word 0xFFE); the reader
            // takes it a metadata interval (16,000 bytes) at a time.
            int expected = (int) (spokenSeconds() * 48_000 / 8 * 0.8);
            awaitThat(() -> size(audio) > expected, "the MP3 of the notice", natAgent);
            byte[] mp3;
            synchronized (audio) {
                mp3 = audio.toByteArray();
            }
            assertThat(frames(mp3)).isGreaterThan(100);
        } finally {
            reply.body().close();
            reader.join(2000);
        }
    }

    /** Reads an ICY stream: {@code interval} bytes of audio, then a length byte and that many 16-byte blocks. */
    private static void readIcy(java.io.InputStream in, int interval, List<String> titles,
            java.io.ByteArrayOutputStream audio) {
        try (in) {
            while (true) {
                byte[] chunk = in.readNBytes(interval);
                synchronized (audio) {
                    audio.write(chunk);
                }
                int blocks = in.read();
                if (chunk.length < interval || blocks < 0) {
                    return;
                }
                String meta = new String(in.readNBytes(blocks * 16), java.nio.charset.StandardCharsets.UTF_8);
                var m = java.util.regex.Pattern.compile("StreamTitle='([^']*)';").matcher(meta);
                if (m.find()) {
                    titles.add(m.group(1));
                }
            }
        } catch (java.io.IOException e) {
            // closed at the end of the test
        }
    }

    private static int size(java.io.ByteArrayOutputStream audio) {
        synchronized (audio) {
            return audio.size();
        }
    }

    /** MPEG audio frame headers in {@code mp3}: sync word, layer III, a valid bitrate and rate. */
    private static int frames(byte[] mp3) {
        int count = 0;
        for (int i = 0; i + 3 < mp3.length; i++) {
            if ((mp3[i] & 0xFF) == 0xFF && (mp3[i + 1] & 0xE6) == 0xE2 && (mp3[i + 2] & 0xF0) != 0xF0
                    && (mp3[i + 2] & 0x0C) != 0x0C) {
                count++;
            }
        }
        return count;
    }

    @Test
    void aLeaderCallingFromBehindANatSpeaksLiveAndHearsTheMenuBackTheWayTheirAudioCame() throws Exception {
        String zone = zone("thon-goi", "Thôn Gọi");
        String number = "+8491" + (1_000_000 + (int) (Math.random() * 8_000_000));
        created(province.adminA.post("/api/v1/hotline/numbers", new JsonObject().put("number", number)
                .put("username", "approver-a").put("pin", "2468")));
        Path folder = TempDirs.create("loa-field-phone-");
        Path capture = folder.resolve("phone.pcap");
        Process tcpdump = FieldNetwork.start(FieldNetwork.CPE, folder.resolve("tcpdump.log"), List.of("tcpdump",
                "-i", "lfw7", "-n", "-U", "-w", capture.toString(), "udp", "and", "src", FieldNetwork.SERVER, "and",
                "dst", "port", String.valueOf(vn.loa.server.testing.Sipp.MEDIA_PORT)));
        try (vn.loa.server.testing.RtpCapture speaker = new vn.loa.server.testing.RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-goi"))
                    .put("name", "Loa thôn Gọi").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port())));
            var heard = speaker.receiveInBackground(3000, 90_000);
            awaitThat(() -> log(folder.resolve("tcpdump.log")).contains("listening"), "tcpdump listens", natAgent);
            int sipPort = server.loa().hotline().sip().orElseThrow().port();

            // PIN and menu key as RTP events: the phone's first RTP opens its NAT's path for the menu to come back.
            var call = vn.loa.server.testing.Sipp.call(number).answered().pause(1000).rtpDigits("2468#").pause(800)
                    .rtpDigits("1").pause(2500).play(vn.loa.server.testing.Sipp.CAPTURES.resolve("g711a.pcap"))
                    .pause(7600).hangUp().runFrom(FieldNetwork.CPE, FieldNetwork.CPE_HOST, FieldNetwork.SERVER,
                            sipPort, 40);

            assertThat(call.exit()).as("the call, signalled through the NAT: " + call.output()).isZero();
            short[] received = vn.loa.wire.codec.MuLaw.decode(HotlineIT.payloads(heard.get()));
            short[] sent = vn.loa.wire.codec.ALaw.decode(HotlineIT.payloads(
                    Pcap.rtp(vn.loa.server.testing.Sipp.CAPTURES.resolve("g711a.pcap"))));
            double[] found = new double[5];
            for (int i = 0; i < found.length; i++) {
                int at = (2 + i) * 8000;
                found[i] = HotlineIT.bestCorrelation(java.util.Arrays.copyOfRange(sent, at, at + 2000), received);
            }
            java.util.Arrays.sort(found);
            assertThat(found[2]).as("the caller's voice at the loudspeaker").isGreaterThan(0.9);
            stop(tcpdump);
            // The menu and the line's comfort audio reached the phone behind the NAT: 50 packets a second.
            assertThat(Pcap.ttls(capture)).as("RTP from the hotline at the phone").hasSizeGreaterThan(250);
        } finally {
            tcpdump.destroyForcibly();
        }
    }

    @Test
    void anRtpSpeakerWhoseAddressChangesSaysWhereItIsAndItsAudioFollows() throws Exception {
        String zone = zone("thon-dia-chi", "Thôn Địa Chỉ");
        String node = Province.unique("loa-ip-4g");
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Loa IP 4G").put("zone", zone).put("kind", "rtp").put("address", "192.0.2.10:5004")
                .put("codec", "PCMU"))).json().getString("token");
        Path folder = TempDirs.create("loa-field-here-");

        assertThat(curl(folder, node + ":wrong", "{}")).isEqualTo("401");
        assertThat(curl(folder, node + ":" + token, "{\"port\":5006}")).isEqualTo("200");

        assertThat(province.technicianA.get("/api/v1/nodes/" + node).json().getString("address"))
                .isEqualTo(FieldNetwork.LAN_HOST + ":5006");
        assertThat(province.admin.get("/api/v1/audit?action=node.here").body()).contains(node)
                .contains("192.0.2.10:5004");
        // And a notice now reaches it there, past the router.
        Path heardWav = folder.resolve("speaker.wav");
        Process speaker = FieldNetwork.start(FieldNetwork.LAN, folder.resolve("gst.log"), List.of("gst-launch-1.0",
                "-e", "udpsrc", "port=5006", "caps=application/x-rtp,media=audio,clock-rate=8000,encoding-name=PCMU,"
                        + "payload=0", "!", "rtpjitterbuffer", "!", "rtppcmudepay", "!", "mulawdec", "!",
                "audioconvert", "!", "wavenc", "!", "filesink", "location=" + heardWav));
        try {
            FieldNetwork.awaitUdpBound(FieldNetwork.LAN, 5006);
            long id = emergency(zone);
            awaitThat(() -> "DONE".equals(state(id)), "the emergency is done", natAgent);
            stop(speaker);
            assertThat(seconds(heardWav)).isGreaterThan(spokenSeconds() * 0.9);
        } finally {
            speaker.destroyForcibly();
        }
    }

    /** POSTs {@code body} to /api/v1/nodes/here from the LAN with HTTP Basic {@code user}; returns the status. */
    private static String curl(Path folder, String user, String body) throws Exception {
        Path out = folder.resolve("curl-" + System.nanoTime() + ".txt");
        Process curl = FieldNetwork.start(FieldNetwork.LAN, out, List.of("curl", "-s", "-o", "/dev/null", "-w",
                "%{http_code}", "-u", user, "-H", "Content-Type: application/json", "-d", body,
                serverUrl + "/api/v1/nodes/here"));
        curl.waitFor(30, TimeUnit.SECONDS);
        return Files.readString(out).trim();
    }

    @Test
    void aStreamIsRefusedWithoutTheBoxsTokenOrToABoxOfAnotherZone() throws Exception {
        String zone = zone("thon-khoa", "Thôn Khóa");
        String box = Province.unique("hop-khoa");
        String token = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", box)
                .put("name", "Hộp loa").put("zone", zone).put("kind", "stream"))).json().getString("token");
        var http = java.net.http.HttpClient.newHttpClient();
        String base = server.baseUrl() + "/streams/";

        assertThat(status(http, base + zone + ".opus")).isEqualTo(401);
        assertThat(status(http, base + zone + ".opus?node=" + box + "&token=wrong")).isEqualTo(401);
        assertThat(status(http, base + "thon-a1.opus?node=" + box + "&token=" + token)).isEqualTo(403);
        assertThat(status(http, base + "khong-co.opus?node=" + box + "&token=" + token)).isEqualTo(404);
        assertThat(status(http, base + zone + ".wav?node=" + box + "&token=" + token)).isEqualTo(404);
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "field-receiver");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static int status(java.net.http.HttpClient http, String url) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String upload(Path folder, int hertz, int seconds) throws Exception {
        return created(province.clerkA.sendBytes("POST", "/api/v1/audio", Uploads.multipart("tone-" + hertz + ".wav",
                "audio/wav", Uploads.tone(folder, "wav", seconds, hertz)), Uploads.contentType())).json()
                .getString("audioId");
    }

    private static void readRtp(java.net.DatagramSocket socket, ToneTimes alert) {
        byte[] buffer = new byte[2048];
        try {
            while (!socket.isClosed()) {
                var datagram = new java.net.DatagramPacket(buffer, buffer.length);
                socket.receive(datagram);
                long arrival = System.nanoTime();
                var packet = vn.loa.wire.rtp.RtpPacketCodec.decode(buffer, 0, datagram.getLength());
                short[] pcm = vn.loa.wire.codec.MuLaw.decode(packet.payload());
                alert.samples(pcm, pcm.length, arrival);
            }
        } catch (java.io.IOException | RuntimeException e) {
            // closed at the end of the test
        }
    }

    private static void readPcm(Process ffmpeg, ToneTimes programme, ToneTimes alert) {
        byte[] bytes = new byte[640];
        short[] samples = new short[320];
        try (var in = ffmpeg.getInputStream()) {
            int odd = -1;
            int n;
            while ((n = in.read(bytes)) > 0) {
                long arrival = System.nanoTime();
                int count = 0;
                for (int i = 0; i < n; i++) {
                    if (odd < 0) {
                        odd = bytes[i] & 0xFF;
                    } else {
                        samples[count++] = (short) (odd | bytes[i] << 8);
                        odd = -1;
                    }
                }
                programme.samples(samples, count, arrival);
                alert.samples(samples, count, arrival);
            }
        } catch (java.io.IOException e) {
            // ffmpeg ended
        }
    }

    private static String zone(String prefix, String name) {
        String zone = Province.unique(prefix);
        created(province.admin.post("/api/v1/zones", Province.zone(zone, name, "xa-a")));
        return zone;
    }

    /** Registers an agent node and returns its token. */
    private static String agentNode(String node, String zone) {
        return created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Loa " + node).put("zone", zone).put("kind", "agent"))).json().getString("token");
    }

    private static long emergency(String zone) {
        long id = created(province.approverA.post("/api/v1/announcements", new JsonObject().put("title", "Lũ")
                .put("text", NOTICE).put("priority", "EMERGENCY").put("chime", false)
                .put("zones", new JsonArray().add(zone)))).json().getLong("id");
        assertThat(province.approverA.post("/api/v1/announcements/" + id + "/broadcast", null).status())
                .isLessThan(300);
        return id;
    }

    /** How long the notice lasts when spoken, from the server's own preview of it. */
    private static double spokenSeconds() throws Exception {
        byte[] wav = province.clerkA.post("/api/v1/tts/preview", new JsonObject().put("text", NOTICE)).bytes();
        try (var audio = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
            return audio.getFrameLength() / audio.getFormat().getFrameRate();
        }
    }

    private static JsonObject path(String node) {
        return province.technicianA.get("/api/v1/nodes/" + node).json().getJsonObject("path");
    }

    private static String state(long id) {
        return province.approverA.get("/api/v1/announcements/" + id).json().getString("state");
    }

    private static String deliveryState(long id, String node) {
        JsonArray rows = province.approverA.get("/api/v1/announcements/" + id).json().getJsonArray("deliveries");
        for (int i = 0; i < rows.size(); i++) {
            if (node.equals(rows.getJsonObject(i).getString("node"))) {
                return rows.getJsonObject(i).getString("state");
            }
        }
        return null;
    }

    /** The packets the agent concealed in its recording of {@code id}, from its log line that ends the take. */
    private static long packetsLost(String log, long id) {
        var m = java.util.regex.Pattern.compile("announcement " + id + ": \\d+ ms[^\\n]*?(\\d+) gói mất").matcher(log);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static double seconds(Path wav) throws Exception {
        try (var audio = AudioSystem.getAudioInputStream(wav.toFile())) {
            return audio.getFrameLength() / audio.getFormat().getFrameRate();
        }
    }

    private static String log(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Ends a recording process as Ctrl-C does, so GStreamer and tcpdump finish their files. */
    private static void stop(Process process) throws Exception {
        new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static void awaitThat(Supplier<Boolean> condition, String what, AgentProcess agent) {
        try {
            await().atMost(Duration.ofMinutes(1)).until(() -> Boolean.TRUE.equals(condition.get()));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within 60 s: " + what + "\n--- agent log ---\n" + agent.log()
                    + "\n--- agent threads ---\n" + agent.threadDump(), e);
        }
    }
}
