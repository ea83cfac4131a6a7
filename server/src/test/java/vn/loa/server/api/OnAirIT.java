package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.media.codec.MuLaw;
import vn.loa.core.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/** A notice goes on air: spoken by espeak-ng, sent as RTP to the loudspeakers of its zone, and recorded as delivered. */
class OnAirIT extends ApiSuite {

    static JsonObject waitForState(Api api, long id, String state) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        JsonObject a = api.get("/api/v1/announcements/" + id).json();
        while (!a.getString("state").equals(state) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            a = api.get("/api/v1/announcements/" + id).json();
        }
        assertThat(a.getString("state")).as(a.encodePrettily()).isEqualTo(state);
        return a;
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
    void noticeToZonesWithoutSpeakersFailsWithTheReason() throws Exception {
        String zone = Province.unique("thon-trong");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Chưa Có Loa", "xa-a")));
        long id = approvedNotice("Không ai nghe", "Xin chào bà con.", zone, true);

        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);

        JsonObject failed = waitForState(province.clerkA, id, "FAILED");
        JsonArray transitions = failed.getJsonArray("transitions");
        assertThat(transitions.getJsonObject(transitions.size() - 1).getString("reason")).contains("Không có loa");
    }

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
