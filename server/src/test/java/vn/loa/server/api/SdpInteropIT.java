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
}
