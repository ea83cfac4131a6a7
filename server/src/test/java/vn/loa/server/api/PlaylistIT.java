package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Audio;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.Uploads;

/** A playlist: several uploaded recordings aired one after another by one announcement. */
class PlaylistIT extends ApiSuite {

    /** The playlist is stored in its own table: both engines keep it. */
    static Stream<String> engines() {
        return Stream.of("H2", "PostgreSQL");
    }

    static Path work;

    @BeforeAll
    static void folder() throws Exception {
        work = Files.createTempDirectory("loa-playlist-it-");
    }

    private static String uploaded(int hertz) throws Exception {
        return AudioIT.upload(province.clerkA, "tone-" + hertz + ".wav", "audio/wav", Uploads.tone(work, "wav", 1, hertz))
                .json().getString("audioId");
    }

    private static JsonObject playlist(String zone, Object... audioIds) {
        return new JsonObject().put("title", "Chương trình nối tiếp").put("playlist", new JsonArray(List.of(audioIds)))
                .put("chime", false).put("zones", new JsonArray().add(zone));
    }

    @Test
    void playlistAirsItsRecordingsInOrderForTheirSummedLength() throws Exception {
        String low = uploaded(440);
        String high = uploaded(1000);
        String zone = Province.unique("thon-danh-sach");
        Province.created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Danh Sách", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            Province.created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            JsonObject created = Province.created(province.clerkA.post("/api/v1/announcements", playlist(zone, low, high)))
                    .json();
            long id = created.getLong("id");
            assertThat(province.clerkA.get("/api/v1/announcements/" + id).json().getJsonArray("playlist"))
                    .as("the playlist as stored").containsExactly(low, high);
            province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
            province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);

            List<RtpPacket> packets = speaker.receive(1500, 30_000);

            assertThat(packets.size() * 0.02).as("seconds on air: both recordings").isBetween(1.8, 2.6);
            short[] pcm = Audio.pcmu(packets);
            int[] loud = IntStream.range(0, pcm.length).filter(i -> Math.abs(pcm[i]) > 1000).toArray();
            short[] heard = Arrays.copyOfRange(pcm, loud[0], loud[loud.length - 1]);
            int half = heard.length / 2;
            assertThat(hertz(Arrays.copyOfRange(heard, half / 5, half * 4 / 5))).as("first the 440 Hz recording")
                    .isBetween(380.0, 500.0);
            assertThat(hertz(Arrays.copyOfRange(heard, half + half / 5, half + half * 4 / 5)))
                    .as("then the 1000 Hz recording").isBetween(900.0, 1100.0);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
        }
    }

    /** The pitch of a pure tone at 8 kHz, from how often it crosses zero. */
    private static double hertz(short[] tone) {
        int crossings = 0;
        for (int i = 1; i < tone.length; i++) {
            if ((tone[i - 1] < 0) != (tone[i] < 0)) {
                crossings++;
            }
        }
        return crossings / 2.0 / (tone.length / 8000.0);
    }

    @Test
    void playlistWithAnUnknownRecordingIsRefusedNamingIt() throws Exception {
        String known = uploaded(440);
        Api.Reply reply = province.clerkA.post("/api/v1/announcements", playlist("thon-a1", known, "au-khong-co"));

        assertRefused(reply, 400, "unknown_audio");
        assertThat(reply.json().getString("message")).contains("au-khong-co");
    }

    @Test
    void emptyOrOverlongOrMixedPlaylistsAreRefused() throws Exception {
        String known = uploaded(440);
        assertRefused(province.clerkA.post("/api/v1/announcements", playlist("thon-a1")), 400, "invalid_playlist");
        Object[] fiftyOne = IntStream.range(0, 51).mapToObj(i -> known).toArray();
        assertRefused(province.clerkA.post("/api/v1/announcements", playlist("thon-a1", fiftyOne)), 400,
                "invalid_playlist");
        assertRefused(province.clerkA.post("/api/v1/announcements", playlist("thon-a1", known).put("text", "Tin")), 400,
                "invalid_playlist");
        assertRefused(province.clerkA.post("/api/v1/announcements", playlist("thon-a1", known).put("audioId", known)),
                400, "invalid_playlist");
    }
}
