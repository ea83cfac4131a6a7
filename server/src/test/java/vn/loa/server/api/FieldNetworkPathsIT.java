package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.AgentProcess;
import vn.loa.server.testing.FieldNetwork;
import vn.loa.server.testing.Pcap;
import vn.loa.server.testing.TempDirs;

/**
 * Where live audio goes on the field network ({@link FieldNetworkSuite}): past a router with a TTL above one, through a
 * carrier NAT kept open by keepalives, over the control channel when UDP is blocked, to a phone behind the NAT, to a
 * speaker that moved, and to HTTP stream boxes. Nothing here is timed to the millisecond, so the class runs beside other
 * ITs; it is the only one there that builds the network ({@link FieldNetworkIT} runs alone, after them).
 */
class FieldNetworkPathsIT extends FieldNetworkSuite {

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

    @Test
    void aBoxThatPlaysOnlyMp3HearsItsZoneWithTheTitleOfTheNoticeInBand() throws Exception {
        String zone = zone("thon-mp3", "Thôn Mờ Pê Ba");
        String box = Province.unique("hop-mp3");
        String token = streamBox(box, "Hộp loa MP3", zone);
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
        String token = streamBox(box, "Hộp loa", zone);
        var http = java.net.http.HttpClient.newHttpClient();
        String base = server.baseUrl() + "/streams/";

        assertThat(status(http, base + zone + ".opus")).isEqualTo(401);
        assertThat(status(http, base + zone + ".opus?node=" + box + "&token=wrong")).isEqualTo(401);
        assertThat(status(http, base + "thon-a1.opus?node=" + box + "&token=" + token)).isEqualTo(403);
        assertThat(status(http, base + "khong-co.opus?node=" + box + "&token=" + token)).isEqualTo(404);
        assertThat(status(http, base + zone + ".wav?node=" + box + "&token=" + token)).isEqualTo(404);
    }

    private static int status(java.net.http.HttpClient http, String url) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
