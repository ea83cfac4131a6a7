package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.aggregator.ArgumentsAccessor;
import vn.loa.wire.codec.ALaw;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Pcap;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.Sipp;
import vn.loa.server.testing.TestServer;

/**
 * The SIP hotline with Debian's SIPp as the phone: the PIN as DTMF (RFC 4733 and SIP INFO), menu option 1, the caller's
 * audio from SIPp's PCMA capture heard at a loudspeaker; back-off after wrong PINs, unknown numbers refused, a programme
 * taken over and started again, malformed SIP and an INVITE flood.
 */
class HotlineIT extends ApiSuite {

    static Stream<String> engines() {
        return Stream.of("H2");
    }

    /** This class's server answers the phone (hiding ApiSuite's start, which does not). */
    @BeforeParameterizedClassInvocation
    static void start(ArgumentsAccessor arguments) throws Exception {
        server = TestServer.onH2(Map.of("hotline.enabled", "true", "hotline.host", "127.0.0.1", "hotline.port", "0"));
        province = new Province(server);
    }

    static int sipPort() {
        return server.loa().hotline().sip().orElseThrow().port();
    }

    static String number(String pin) {
        String number = "+8491" + (1_000_000 + (int) (Math.random() * 8_000_000));
        created(province.adminA.post("/api/v1/hotline/numbers", new JsonObject().put("number", number)
                .put("username", "approver-a").put("pin", pin)));
        return number;
    }

    static CompletableFuture<List<RtpPacket>> listen(RtpCapture speaker, int quietMillis) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return speaker.receive(quietMillis, 90_000);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static RtpCapture speakerIn(String zoneName) {
        return speakerIn(Province.unique("thon-hotline"), zoneName);
    }

    static RtpCapture speakerIn(String zone, String zoneName) {
        try {
            created(province.admin.post("/api/v1/zones", Province.zone(zone, zoneName, "xa-a")));
            RtpCapture speaker = new RtpCapture();
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa " + zoneName).put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port())));
            return speaker;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void leaderWithThePinSpeaksLiveAndTheSpeakerHearsTheirVoice() throws Exception {
        String number = number("2468");
        String zone = Province.unique("thon-nghe");
        try (RtpCapture speaker = speakerIn(zone, "Thôn Nghe Gọi")) {
            String board = created(province.admin.post("/api/v1/boards", new JsonObject().put("id", Province.unique("bang"))
                    .put("name", "Bảng tin thôn").put("zone", zone).put("kind", "LCD").put("width", 320)
                    .put("height", 180))).json().getString("id");
            var heard = listen(speaker, 3000);

            Sipp.Result call = Sipp.call(number).answered().pause(1000).rtpDigits("2468#").pause(800)
                    .rtpDigits("1").pause(2500).play(Sipp.CAPTURES.resolve("g711a.pcap")).pause(7600).hangUp()
                    .run(sipPort(), 40);

            assertThat(call.exit()).as(call.output()).isZero();
            // The call is an EMERGENCY announcement: the village's board shows its red banner (it lingers a minute).
            BoardContentIT.waitForSnapshot(province.admin, board, img -> img.getRGB(2, 2) == 0xffc1121f);
            short[] received = MuLaw.decode(payloads(heard.get()));
            short[] sent = ALaw.decode(payloads(Pcap.rtp(Sipp.CAPTURES.resolve("g711a.pcap"))));
            // Pieces of the caller's speech (250 ms each, one per second), found in what the loudspeaker received. A
            // busy machine may cut a piece with a late packet (heard as silence), so the median piece is judged.
            double[] found = new double[5];
            for (int i = 0; i < found.length; i++) {
                int at = (2 + i) * 8000;
                found[i] = bestCorrelation(java.util.Arrays.copyOfRange(sent, at, at + 2000), received);
            }
            java.util.Arrays.sort(found);
            assertThat(found[2]).as("the caller's voice at the loudspeaker, median of %s",
                    java.util.Arrays.toString(found)).isGreaterThan(0.9);
            JsonArray calls = waitForCalls(1, number);
            JsonObject record = calls.getJsonObject(0);
            assertThat(record.getString("outcome")).isEqualTo("live");
            assertThat(record.getBoolean("recorded")).isTrue();
            byte[] wav = province.adminA.get("/api/v1/hotline/calls/" + record.getLong("id") + "/recording").bytes();
            assertThat(wav.length / 16_000.0).as("seconds recorded").isGreaterThan(7.0);
            JsonObject live = OnAirIT.waitForState(province.adminA, record.getLong("announcement"), "DONE");
            assertThat(live.getString("priority")).isEqualTo("EMERGENCY");
            assertThat(auditOf("hotline.call", number)).isNotEmpty();
        }
    }

    @Test
    void pinByInfoThenCancelHangsUpAndIsRecorded() throws Exception {
        String number = number("1357");

        Sipp.Result call = Sipp.call(number).answered().pause(500).infoDigits("1357#").pause(500).infoDigits("9")
                .hungUpOn().run(sipPort(), 30);

        assertThat(call.exit()).as(call.output()).isZero();
        assertThat(waitForCalls(1, number).getJsonObject(0).getString("outcome")).isEqualTo("cancelled");
    }

    @Test
    void optionThreeAirsThePreparedAlertOfTheLeadersUnit() throws Exception {
        String number = number("4321");
        assertThat(province.adminA.put("/api/v1/hotline/presets", new JsonArray()
                .add(new JsonObject().put("digit", 1).put("title", "Lũ quét").put("text", "Lũ quét, bà con sơ tán ngay."))
                .add(new JsonObject().put("digit", 2).put("title", "Cháy rừng").put("text", "Cháy rừng, tránh xa.")))
                .status()).isEqualTo(200);

        Sipp.Result call = Sipp.call(number).answered().pause(300).infoDigits("4321#").pause(300).infoDigits("3")
                .pause(300).infoDigits("2").hungUpOn().run(sipPort(), 40);

        assertThat(call.exit()).as(call.output()).isZero();
        JsonObject record = waitForCalls(1, number).getJsonObject(0);
        assertThat(record.getString("outcome")).isEqualTo("preset");
        JsonObject alert = province.adminA.get("/api/v1/announcements/" + record.getLong("announcement")).json();
        assertThat(alert.getString("title")).isEqualTo("Cháy rừng");
        assertThat(alert.getString("priority")).isEqualTo("EMERGENCY");
        assertThat(alert.getJsonArray("zones").getList()).containsExactly("xa-a");
    }

    @Test
    void optionTwoPutsTheCallerOnAirInTheZoneOfTheirChoice() throws Exception {
        String number = number("5678");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-a1"))
                .put("name", "Loa thôn Đông").put("zone", "thon-a1").put("kind", "rtp").put("address", "127.0.0.1:9")));

        // Villages below commune A are offered in the order of their ids: 1 is thon-a1.
        Sipp.Result call = Sipp.call(number).answered().pause(300).infoDigits("5678#").pause(300).infoDigits("2")
                .pause(300).infoDigits("1").pause(1500).hangUp().run(sipPort(), 40);

        assertThat(call.exit()).as(call.output()).isZero();
        JsonObject record = waitForCalls(1, number).getJsonObject(0);
        assertThat(record.getString("outcome")).isEqualTo("live");
        JsonObject live = province.adminA.get("/api/v1/announcements/" + record.getLong("announcement")).json();
        assertThat(live.getJsonArray("zones").getList()).containsExactly("thon-a1");
    }

    @Test
    void threeWrongPinsLockTheNumberAndTheLockIsAudited() throws Exception {
        String number = number("8642");

        Sipp.Result call = Sipp.call(number).answered().pause(500).infoDigits("1111#").pause(300).rtpDigits("2222#")
                .pause(300).infoDigits("3333#").hungUpOn().run(sipPort(), 40);

        assertThat(call.exit()).as(call.output()).isZero();
        JsonObject entry = province.adminA.get("/api/v1/hotline/numbers").array().stream().map(JsonObject.class::cast)
                .filter(n -> n.getString("number").equals(number)).findFirst().orElseThrow();
        assertThat(entry.getBoolean("locked")).isTrue();
        assertThat(auditOf("hotline.pin.wrong", null)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(auditOf("hotline.locked", null)).isNotEmpty();
        Sipp.Result again = Sipp.call(number).refused(403).run(sipPort(), 20);
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(province.adminA.post("/api/v1/hotline/numbers/" + entry.getLong("id") + "/unlock", null).status())
                .isEqualTo(204);
    }

    @Test
    void aCallFromAnUnknownNumberIsRefusedAndAudited() throws Exception {
        Sipp.Result call = Sipp.call("+84999000111").refused(403).run(sipPort(), 20);

        assertThat(call.exit()).as(call.output()).isZero();
        JsonArray refused = province.admin.get("/api/v1/audit?action=hotline.refused").array();
        assertThat(refused.encode()).contains("+84999000111");
    }

    @Test
    void theHotlineTakesOverAProgrammeWhichStartsAgainAfterHangUp() throws Exception {
        String number = number("9753");
        try (RtpCapture speaker = speakerIn("Thôn Chương Trình")) {
            var heard = listen(speaker, 2500);
            String zone = province.technicianA.get("/api/v1/nodes").array().stream().map(JsonObject.class::cast)
                    .filter(n -> n.getString("address", "").endsWith(":" + speaker.port())).findFirst().orElseThrow()
                    .getString("zone");
            long notice = OnAirIT.approvedNotice("Chương trình", OnAirIT.LONG_TEXT, zone, false);
            province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
            OnAirIT.waitForState(province.clerkA, notice, "ON_AIR");
            speaker.awaitReceived(50);

            Sipp.Result call = Sipp.call(number).answered().pause(500).infoDigits("9753#").pause(300).infoDigits("1")
                    .pause(2000).play(Sipp.CAPTURES.resolve("g711a.pcap")).pause(3000).hangUp().run(sipPort(), 30);

            assertThat(call.exit()).as(call.output()).isZero();
            long live = waitForCalls(1, number).getJsonObject(0).getLong("announcement");
            JsonObject liveDone = OnAirIT.waitForState(province.adminA, live, "DONE");
            JsonObject noticeDone = OnAirIT.waitForState(province.clerkA, notice, "DONE");
            assertThat(OnAirIT.lastAt(liveDone)).as("the call ends before the programme").isBefore(OnAirIT.lastAt(noticeDone));
            // The programme played about a second, gave way to the call, then played whole again (policy RESTART).
            double programme = OnAirIT.spokenSeconds(OnAirIT.LONG_TEXT);
            assertThat(heard.get().size() * 0.02).isGreaterThan(programme + 1.0 + 3.0);
        }
    }

    @Test
    void malformedSipAndAnInviteFloodLeaveTheHotlineAnswering() throws Exception {
        try (DatagramSocket garbage = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (String junk : List.of("\u0000\u0001\u0002 not sip at all", "INVITE sip:x SIP/2.0\r\n\r\n",
                    "INVITE sip:hotline@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:1;branch=z9hG4bK1\r\n"
                            + "Content-Length: 99999\r\n\r\nv=0", "SIP/2.0 200 OK\r\nCSeq: nonsense\r\n\r\n",
                    "X".repeat(60_000))) {
                byte[] bytes = junk.getBytes(StandardCharsets.ISO_8859_1);
                garbage.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort()));
            }
        }
        try (java.net.Socket tcp = new java.net.Socket(InetAddress.getLoopbackAddress(), sipPort())) {
            tcp.getOutputStream().write(("INVITE sip:hotline@127.0.0.1 SIP/2.0\r\nContent-Length: 100000\r\n\r\n"
                    + "v".repeat(20_000)).getBytes(StandardCharsets.US_ASCII));
        } catch (java.io.IOException closedByServer) {
            // refusing the oversized message by closing the connection is fine
        }

        Sipp.flood(sipPort(), 200, 300, 15);

        JsonObject status = province.admin.get("/api/v1/hotline").json();
        assertThat(status.getLong("throttled")).as(status.encode()).isGreaterThan(100);
        assertThat(anonymous().get("/health").status()).isEqualTo(200);
        Thread.sleep(1500); // deliberate: the flood's address gets its allowance back as time passes
        Sipp.Result call = Sipp.call("+84999000222").refused(403).run(sipPort(), 20);
        assertThat(call.exit()).as(call.output()).isZero();
    }

    static JsonArray waitForCalls(int count, String number) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> new JsonArray(province.adminA.get("/api/v1/hotline/calls").array().stream()
                        .map(JsonObject.class::cast).filter(c -> c.getString("number").equals(number)).toList()),
                        calls -> calls.size() >= count);
    }

    static List<Object> auditOf(String action, String contains) {
        return province.adminA.get("/api/v1/audit?action=" + action).array().stream()
                .filter(e -> contains == null || e.toString().contains(contains)).toList();
    }

    static byte[] payloads(List<RtpPacket> packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        packets.forEach(p -> all.writeBytes(p.payload()));
        return all.toByteArray();
    }

    /** The highest normalised cross-correlation of {@code needle} anywhere in {@code haystack}. */
    static double bestCorrelation(short[] needle, short[] haystack) {
        double needleEnergy = 0;
        for (short s : needle) {
            needleEnergy += (double) s * s;
        }
        double best = 0;
        for (int lag = 0; lag + needle.length <= haystack.length; lag++) {
            double dot = 0;
            double energy = 0;
            for (int i = 0; i < needle.length; i++) {
                double h = haystack[lag + i];
                dot += needle[i] * h;
                energy += h * h;
            }
            if (energy > 0) {
                best = Math.max(best, dot / Math.sqrt(needleEnergy * energy));
            }
        }
        return best;
    }
}
