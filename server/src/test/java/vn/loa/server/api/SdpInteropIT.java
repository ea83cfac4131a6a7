package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.wire.pcm.Correlation;
import vn.loa.core.media.GstreamerReceiver;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Audio;
import vn.loa.server.testing.RtpCapture;

/**
 * An independent receiver from Debian plays a Loa stream knowing nothing but the SDP Loa publishes, and hears what Loa
 * sent: GStreamer's sdpdemux records one IP speaker's stream while a plain socket captures another's as the reference.
 */
class SdpInteropIT extends ApiSuite {

    /** Air tests hear real audio for tens of seconds; the database only stores their rows, so one engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void gstreamerPlaysTheStreamFromThePublishedSdp() throws Exception {
        String zone = Province.unique("thon-sdp");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Giao Thoa", "xa-a")));
        int port = GstreamerReceiver.freePort();
        String speaker = Province.unique("loa-gst");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", speaker).put("name", "Loa GStreamer")
                .put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + port).put("codec", "PCMU")));
        Path sdp = Files.createTempFile("loa-", ".sdp");
        Path wav = Files.createTempFile("loa-gst-", ".wav");
        var reply = province.clerkA.get("/api/v1/streams/" + zone + ".sdp?node=" + speaker);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/sdp"));
        Files.writeString(sdp, reply.body());

        try (RtpCapture reference = new RtpCapture();
             GstreamerReceiver gst = GstreamerReceiver.recordFromSdp(sdp, port, wav)) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ref"))
                    .put("name", "Loa đối chứng").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + reference.port())));
            long id = OnAirIT.approvedNotice("Giao thoa", "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia súc.",
                    zone, true);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            List<RtpPacket> sent = reference.receive(1500, 30_000);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            short[] heard = Audio.wav(gst.finish());
            short[] original = Audio.pcmu(sent);

            int lag = Correlation.bestLag(original, heard, 8000);
            assertThat(Correlation.normalised(original, heard, lag)).as("aligned correlation").isGreaterThanOrEqualTo(0.9);
            double sentSeconds = original.length / 8000.0;
            double heardSeconds = (heard.length - Math.max(0, lag)) / 8000.0;
            assertThat(heardSeconds).isCloseTo(sentSeconds, org.assertj.core.data.Percentage.withPercentage(2));
        } finally {
            Files.deleteIfExists(sdp);
        }
    }

    @Test
    void gstreamerPlaysOpusSentInSixtyMillisecondPacketsToAZoneSetFor4g() throws Exception {
        String zone = Province.unique("thon-4g");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Sóng 4G", "xa-a")));
        var set = province.technicianA.put("/api/v1/zones/" + zone + "/packet-time",
                new JsonObject().put("opusPacketTime", 60));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        var rows = set.json().getJsonArray("dataPerSpeakerHour").stream().map(JsonObject.class::cast).toList();
        long opus20 = rows.stream().filter(r -> r.getString("codec").equals("OPUS") && r.getInteger("packetTime") == 20
                && !r.getBoolean("srtp")).findFirst().orElseThrow().getLong("bytesPerHour");
        long opus60 = rows.stream().filter(r -> r.getString("codec").equals("OPUS") && r.getInteger("packetTime") == 60)
                .findFirst().orElseThrow().getLong("bytesPerHour");
        assertThat(opus60).as("60 ms pays the 40 header bytes a third as often").isLessThan(opus20 * 8 / 10);
        assertRefused(province.technicianA.put("/api/v1/zones/" + zone + "/packet-time",
                new JsonObject().put("opusPacketTime", 30)), 400, "invalid_request");
        assertRefused(province.clerkA.put("/api/v1/zones/" + zone + "/packet-time",
                new JsonObject().put("opusPacketTime", 40)), 403, "forbidden");

        Path wav = Files.createTempFile("loa-gst-opus-", ".wav");
        try (RtpCapture reference = new RtpCapture(); GstreamerReceiver gst = GstreamerReceiver.recordOpus(wav)) {
            String speaker = Province.unique("loa-4g");
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", speaker).put("name", "Loa 4G")
                    .put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + gst.port()).put("codec", "OPUS")));
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ref"))
                    .put("name", "Loa đối chứng").put("zone", zone).put("kind", "rtp").put("codec", "OPUS")
                    .put("address", "127.0.0.1:" + reference.port())));
            assertThat(province.clerkA.get("/api/v1/streams/" + zone + ".sdp?node=" + speaker).body())
                    .contains("a=ptime:60");
            long id = OnAirIT.approvedNotice("Bốn G", "Ủy ban nhân dân xã thông báo lịch tiêm phòng cho đàn gia súc.",
                    zone, true);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            List<RtpPacket> sent = reference.receive(1500, 30_000);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            short[] heard = Audio.wav(gst.finish());

            long sixty = java.util.stream.IntStream.range(1, sent.size())
                    .filter(i -> ((sent.get(i).timestamp() - sent.get(i - 1).timestamp()) & 0xFFFF_FFFFL) == 2880).count();
            // Every packet but the last of the notice (and a talk spurt's start) carries 60 ms.
            assertThat(sixty).as("packets 60 ms apart among " + sent.size()).isGreaterThanOrEqualTo(sent.size() - 3L);
            // Compared at 8 kHz: a lag search over a second of 48 kHz audio would take minutes.
            short[] original = Audio.eighth(Audio.opus(sent));
            short[] received = Audio.eighth(heard);
            int lag = Correlation.bestLag(original, received, 8000);
            assertThat(Correlation.normalised(original, received, lag)).as("aligned correlation")
                    .isGreaterThanOrEqualTo(0.9);
            assertThat((received.length - Math.max(0, lag)) / 8000.0).isCloseTo(original.length / 8000.0,
                    org.assertj.core.data.Percentage.withPercentage(3));
        }
    }
}
