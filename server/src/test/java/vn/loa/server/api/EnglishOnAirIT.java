package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.RtpCapture;

/** A notice for a tourist area, in an English voice, goes on air like any other. */
class EnglishOnAirIT extends ApiSuite {

    /** Air tests hear real audio; the database only stores their rows, so one engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void aNoticeInFreeTtsEnglishArrivesAsSpeechAtTheSpeakersOfItsZone() throws Exception {
        String zone = Province.unique("pho-co");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Phố cổ", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-en"))
                    .put("name", "Loa bến thuyền").put("zone", zone).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port())));
            JsonObject body = new JsonObject().put("title", "Boats").put("voice", "kevin16").put("chime", false)
                    .put("text", "Boats to Cu Lao Cham leave at 7h30. Tickets cost 150,000 VND.")
                    .put("zones", new JsonArray().add(zone));
            long id = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
            province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
            province.approverA.post("/api/v1/announcements/" + id + "/approve", null);

            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
            List<RtpPacket> packets = speaker.receive(1500, 30_000);

            // about fifteen English words: a few seconds (read digit by digit or in Vietnamese it would be far longer)
            assertThat(packets.size() * 0.02).as("spoken length").isBetween(2.5, 12.0);
            assertThat(OnAirIT.rms(packets)).as("speech, not silence").isGreaterThan(500);
            JsonObject done = OnAirIT.waitForState(province.clerkA, id, "DONE");
            assertThat(done.getString("voice")).isEqualTo("kevin16");
        }
    }
}
