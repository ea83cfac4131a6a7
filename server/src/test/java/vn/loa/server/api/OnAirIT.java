package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/** A notice goes on air: spoken by espeak-ng, sent as RTP to the loudspeakers of its zone, and recorded as delivered. */
class OnAirIT extends ApiSuite {

    /** Air tests hear real audio for tens of seconds; the database only stores their rows, so one engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    static JsonObject waitForState(Api api, long id, String state) {
        return await().atMost(Duration.ofMinutes(1)).until(() -> api.get("/api/v1/announcements/" + id).json(),
                a -> a.getString("state").equals(state));
    }

    static long approvedNotice(String title, String text, String zone, boolean chime) {
        JsonObject body = new JsonObject().put("title", title).put("text", text).put("chime", chime)
                .put("zones", new JsonArray().add(zone));
        long id = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        return id;
    }

    @Test
    void noticeArrivesAsSpeechAtAnIpSpeakerOfItsZone() throws Exception {
        String zone = Province.unique("thon-loa");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Có Loa", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            String node = Province.unique("loa-ip");
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node).put("name", "Loa IP chợ")
                    .put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            long id = approvedNotice("Họp dân", "Kính mời bà con dự họp lúc 7h30 ngày 28/11/2026.", zone, false);

            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            List<RtpPacket> packets = speaker.receive(1500, 30_000);

            assertThat(packets).hasSizeGreaterThan(50);
            assertThat(packets).allSatisfy(p -> assertThat(p.payloadType()).isZero());
            for (int i = 1; i < packets.size(); i++) {
                assertThat(packets.get(i).sequenceNumber()).isEqualTo((packets.get(i - 1).sequenceNumber() + 1) & 0xFFFF);
                assertThat(packets.get(i).timestamp() - packets.get(i - 1).timestamp()).isEqualTo(160);
            }
            double seconds = packets.size() * 0.02;
            assertThat(seconds).as("spoken length").isBetween(2.0, 15.0);
            assertThat(rms(packets)).as("speech, not silence").isGreaterThan(500);

            JsonObject done = waitForState(province.clerkA, id, "DONE");
            assertThat(done.getJsonArray("transitions").stream().map(t -> ((JsonObject) t).getString("to")).toList())
                    .containsSubsequence("SCHEDULED", "ON_AIR", "DONE");
            JsonObject delivery = done.getJsonArray("deliveries").getJsonObject(0);
            assertThat(delivery.getString("node")).isEqualTo(node);
            assertThat(delivery.getString("state")).isEqualTo("SENT");
        }
    }

    @Test
    void everyStageOfTheZonesPathIsCountedInMetricsAndOnTheTechniciansPageAfterANoticeAirs() throws Exception {
        String zone = Province.unique("thon-dem");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Đếm", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-dem"))
                    .put("name", "Loa đếm").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port())));
            long id = approvedNotice("Đếm gói", "Xin chào bà con.", zone, false);

            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            int heard = speaker.receive(1500, 30_000).size();
            waitForState(province.clerkA, id, "DONE");

            String metrics = anonymous().get("/metrics").body();
            List<String> stages = List.of("source", "resample", "mix", "loudness", "frame", "encode", "share",
                    "packetise", "protect", "pace", "fan-out");
            for (String stage : stages) {
                // Before framing a unit is a block of PCM of the source's own size; from framing on, one per packet.
                assertThat(counter(metrics, "loa_pipeline_units_out_total", zone, stage)).as(stage)
                        .isGreaterThanOrEqualTo(stages.indexOf(stage) < stages.indexOf("frame") ? 1 : heard);
                assertThat(counter(metrics, "loa_pipeline_drops_total", zone, stage)).as(stage).isZero();
            }
            assertThat(counter(metrics, "loa_pipeline_busy_seconds_total", zone, "encode")).isPositive();

            JsonObject shown = province.technicianA.get("/api/v1/pipelines").array().stream()
                    .map(JsonObject.class::cast).filter(p -> p.getString("zone").equals(zone)).findFirst()
                    .orElseThrow();
            assertThat(shown.getString("stream")).isEqualTo("PCMU");
            assertThat(shown.getJsonArray("stages").stream().map(s -> ((JsonObject) s).getString("stage")).toList())
                    .isEqualTo(stages);
            assertThat(shown.getJsonArray("stages").getJsonObject(10).getLong("out")).isGreaterThanOrEqualTo(heard);
        }
    }

    /** The value of a counter of the zone's PCMU stream at {@code stage} in Prometheus text; -1 when absent. */
    private static double counter(String metrics, String name, String zone, String stage) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains("zone=\"" + zone + "\"")
                        && l.contains("stage=\"" + stage + "\"") && l.contains("stream=\"PCMU\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    @Test
    void speakerThatAsksForG722GetsWidebandPackets() throws Exception {
        String zone = Province.unique("thon-g722");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Băng Rộng", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-g722"))
                    .put("name", "Loa G.722").put("zone", zone).put("kind", "rtp").put("codec", "G722")
                    .put("address", "127.0.0.1:" + speaker.port())));
            long id = approvedNotice("Băng rộng", "Xin chào bà con.", zone, false);

            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            List<RtpPacket> packets = speaker.receive(1500, 30_000);

            assertThat(packets).hasSizeGreaterThan(25);
            // Payload type 9; 160 bytes and 160 clock units per 20 ms although it samples at 16 kHz (RFC 3551).
            assertThat(packets).allSatisfy(p -> {
                assertThat(p.payloadType()).isEqualTo(9);
                assertThat(p.payload()).hasSize(160);
            });
            assertThat(packets.get(1).timestamp() - packets.get(0).timestamp()).isEqualTo(160);
            assertThat(packets.stream().map(p -> java.util.Arrays.hashCode(p.payload())).distinct().count())
                    .as("speech, not one repeated frame").isGreaterThan(10);
            waitForState(province.clerkA, id, "DONE");
        }
    }

    @Test
    void noticeToZonesWithoutSpeakersFailsWithTheReason() throws Exception {
        String zone = Province.unique("thon-trong");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Chưa Có Loa", "xa-a")));
        long id = approvedNotice("Không ai nghe", "Xin chào bà con.", zone, true);

        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);

        JsonObject failed = waitForState(province.clerkA, id, "FAILED");
        JsonArray transitions = failed.getJsonArray("transitions");
        assertThat(transitions.getJsonObject(transitions.size() - 1).getString("reason")).contains("Không có loa");
    }

    @Test
    void cancelledNoticeStopsAtOnce() throws Exception {
        String zone = Province.unique("thon-huy");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Hủy", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            double noticeSeconds = spokenSeconds(LONG_TEXT);
            var heard = listen(speaker);
            long id = approvedNotice("Dài", LONG_TEXT, zone, false);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            waitForState(province.clerkA, id, "ON_AIR");
            speaker.awaitReceived(50);

            assertThat(province.clerkA.post("/api/v1/announcements/" + id + "/cancel",
                    new JsonObject().put("reason", "nhầm thôn")).json().getString("state")).isEqualTo("CANCELLED");

            double onAir = heard.get().size() * 0.02;
            assertThat(onAir).as("seconds on air of a %.1f s notice", noticeSeconds).isBetween(0.5, noticeSeconds - 2);
            assertThat(province.clerkA.get("/api/v1/announcements/" + id).json().getString("state")).isEqualTo("CANCELLED");
        }
    }

    /** Collects what a speaker hears from now until it has been quiet for 2.5 s. */
    private static java.util.concurrent.CompletableFuture<List<RtpPacket>> listen(RtpCapture speaker) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return speaker.receive(2500, 120_000);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void emergencyTakesTheZoneAndTheNoticeStartsAgainAfterIt() throws Exception {
        String zone = Province.unique("thon-khan");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Khẩn", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            String alertText = "Khẩn cấp. Nước lũ đang lên, bà con sơ tán ngay.";
            double noticeSeconds = spokenSeconds(LONG_TEXT);
            double alertSeconds = spokenSeconds(alertText);
            var heard = listen(speaker);
            long notice = approvedNotice("Thông báo thường", LONG_TEXT, zone, false);
            province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
            waitForState(province.clerkA, notice, "ON_AIR");
            speaker.awaitReceived(50);

            long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Lũ quét").put("text", alertText)
                    .put("priority", "EMERGENCY").put("chime", false).put("zones", new JsonArray().add(zone))))
                    .json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);

            JsonObject alertDone = waitForState(province.approverA, alert, "DONE");
            JsonObject noticeDone = waitForState(province.clerkA, notice, "DONE");
            assertThat(lastAt(alertDone)).as("the emergency ends first").isBefore(lastAt(noticeDone));
            // The notice played a while, was cut, and then played whole again after the alert (policy RESTART).
            double onAir = heard.get().size() * 0.02;
            assertThat(onAir).isBetween(noticeSeconds + alertSeconds + 0.8, noticeSeconds + alertSeconds + 6.0);
        }
    }

    static double spokenSeconds(String text) throws Exception {
        var wav = province.clerkA.post("/api/v1/tts/preview", new JsonObject().put("text", text)).bytes();
        var audio = javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(wav));
        return audio.getFrameLength() / audio.getFormat().getFrameRate();
    }

    static java.time.Instant lastAt(JsonObject announcement) {
        JsonArray t = announcement.getJsonArray("transitions");
        return java.time.Instant.parse(t.getJsonObject(t.size() - 1).getString("at"));
    }

    static final String LONG_TEXT = "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia súc. Từ ngày 2/12 đến ngày "
            + "5/12/2026, cán bộ thú y sẽ đến từng thôn. Bà con chuẩn bị chuồng trại và giữ gia súc tại nhà. "
            + "Mọi thắc mắc xin liên hệ số 0912 345 678.";

    static double rms(List<RtpPacket> packets) {
        double sum = 0;
        long n = 0;
        for (RtpPacket p : packets) {
            for (short s : MuLaw.decode(p.payload())) {
                sum += (double) s * s;
                n++;
            }
        }
        return Math.sqrt(sum / n);
    }
}
