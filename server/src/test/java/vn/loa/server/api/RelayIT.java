package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.wire.codec.MuLaw;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Icecast;
import vn.loa.server.testing.RtpCapture;

/** Relays of an upstream live stream: a real icecast2 fed by ffmpeg, relayed for a window to a recording speaker. */
class RelayIT extends ApiSuite {

    /** The relay's rows are ordinary announcement rows; H2 is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    static Icecast icecast;

    @BeforeAll
    static void upstream() throws Exception {
        icecast = Icecast.start();
    }

    @AfterAll
    static void stopUpstream() {
        icecast.close();
    }

    static long relay(String zone, String url, JsonObject schedule) {
        long id = created(province.clerkA.post("/api/v1/announcements", new JsonObject().put("title", "Tiếp sóng VOV1")
                .put("relayUrl", url).put("priority", "BACKGROUND").put("zones", new JsonArray().add(zone))
                .put("schedule", schedule))).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
        return id;
    }

    static List<String> audit(long id, String action) {
        return province.admin.get("/api/v1/audit?action=" + action + "&target=announcement:" + id).array().stream()
                .map(JsonObject.class::cast).map(r -> r.getString("detail")).toList();
    }

    @Test
    void scheduledRelayWindowPlaysTheUpstreamForTheWindowsLength() throws Exception {
        String url = icecast.feed("vov1.mp3", 1000);
        icecast.awaitMount("vov1.mp3");
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = ScheduleIT.villageWithSpeaker(speaker);
            long id = relay(zone, url, new JsonObject().put("at", ScheduleIT.vietnamTime(Instant.now().plusSeconds(3)))
                    .put("duration", 8));

            List<RtpPacket> packets = speaker.receive(1500, 40_000);

            assertThat(packets.size() * 0.02).as("seconds relayed").isBetween(7.5, 9.0);
            short[] pcm = MuLaw.decode(concat(packets.subList(100, packets.size() - 25)));
            assertThat(OnAirIT.rms(packets.subList(100, packets.size() - 25))).as("the tone, not silence")
                    .isGreaterThan(1000);
            assertThat(dominantHertz(pcm, 8000)).as("the upstream's 1 kHz tone").isBetween(950.0, 1050.0);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            assertThat(audit(id, "relay.connected")).isNotEmpty();
        }
    }

    @Test
    void relayThatCannotReachItsUpstreamRetriesThenFailsWithTheReason() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = ScheduleIT.villageWithSpeaker(speaker);
            String nowhere = "http://127.0.0.1:" + vn.loa.server.testing.ServerProcess.freePort() + "/mat-song.mp3";
            long id = relay(zone, nowhere, new JsonObject().put("duration", 5));

            JsonObject failed = OnAirIT.waitForState(province.clerkA, id, "FAILED");

            JsonArray transitions = failed.getJsonArray("transitions");
            assertThat(transitions.getJsonObject(transitions.size() - 1).getString("reason"))
                    .contains("Không kết nối được nguồn tiếp sóng");
            assertThat(audit(id, "relay.retry")).as("retries with backoff").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void silentUpstreamIsReported() throws Exception {
        String url = icecast.feed("im-lang.mp3", 0);
        icecast.awaitMount("im-lang.mp3");
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = ScheduleIT.villageWithSpeaker(speaker);
            long id = relay(zone, url, new JsonObject().put("duration", 5));

            OnAirIT.waitForState(province.clerkA, id, "DONE");

            assertThat(audit(id, "relay.silence")).singleElement().asString().contains("im lặng");
        }
    }

    private static byte[] concat(List<RtpPacket> packets) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        packets.forEach(p -> out.writeBytes(p.payload()));
        return out.toByteArray();
    }

    /** The frequency of a pure tone from its zero crossings. */
    private static double dominantHertz(short[] pcm, int rate) {
        int crossings = 0;
        for (int i = 1; i < pcm.length; i++) {
            if ((pcm[i - 1] < 0) != (pcm[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / (pcm.length / (double) rate);
    }
}
