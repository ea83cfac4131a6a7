package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import vn.loa.core.media.Correlation;
import vn.loa.core.media.GstreamerReceiver;
import vn.loa.core.media.codec.MuLaw;
import vn.loa.core.rtp.RtpPacket;
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
            short[] heard = samples(gst.finish());
            short[] original = decode(sent);

            int lag = Correlation.bestLag(original, heard, 8000);
            assertThat(Correlation.normalised(original, heard, lag)).as("aligned correlation").isGreaterThanOrEqualTo(0.9);
            double sentSeconds = original.length / 8000.0;
            double heardSeconds = (heard.length - Math.max(0, lag)) / 8000.0;
            assertThat(heardSeconds).isCloseTo(sentSeconds, org.assertj.core.data.Percentage.withPercentage(2));
        } finally {
            Files.deleteIfExists(sdp);
        }
    }

    private static short[] decode(List<RtpPacket> packets) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        packets.forEach(p -> all.writeBytes(p.payload()));
        return MuLaw.decode(all.toByteArray());
    }

    private static short[] samples(Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            byte[] bytes = in.readAllBytes();
            short[] out = new short[bytes.length / 2];
            ByteBuffer.wrap(bytes).order(in.getFormat().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                    .asShortBuffer().get(out);
            return out;
        }
    }
}
