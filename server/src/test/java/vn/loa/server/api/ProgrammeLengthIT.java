package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.Uploads;

/**
 * The longest programme ({@code programme.max.duration}, here 1 minute) holds for what a clerk puts together too: a
 * playlist of recordings each under the limit but longer together is refused with 400 {@code programme_too_long} when
 * it is saved, and one within it is taken.
 */
class ProgrammeLengthIT {

    private static TestServer server;
    private static Province province;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("programme.max.duration", "1"));
        province = new Province(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPlaylistLongerThanTheLongestProgrammeIsRefusedWhenSavedAndOneWithinItIsTaken() throws Exception {
        Path work = TempDirs.create("loa-programme-length-");
        String first = uploaded(work, 40);
        String second = uploaded(work, 40);
        String zone = "thon-a1";

        Api.Reply tooLong = province.clerkA.post("/api/v1/announcements", playlist(zone, first, second));
        ApiSuite.assertRefused(tooLong, 400, "programme_too_long");
        assertThat(tooLong.json().getString("message")).contains("2 phút").contains("1 phút");

        long id = Province.created(province.clerkA.post("/api/v1/announcements", playlist(zone, first))).json()
                .getLong("id");
        Api.Reply edited = province.clerkA.put("/api/v1/announcements/" + id, playlist(zone, first, second));
        ApiSuite.assertRefused(edited, 400, "programme_too_long");
        assertThat(province.clerkA.get("/api/v1/announcements/" + id).json().getJsonArray("playlist"))
                .as("the saved playlist is unchanged").containsExactly(first);
    }

    private static String uploaded(Path work, int seconds) throws Exception {
        Api.Reply reply = AudioIT.upload(province.clerkA, "doan-" + seconds + ".mp3", "audio/mpeg",
                Uploads.tone(work, "mp3", seconds));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getString("audioId");
    }

    private static JsonObject playlist(String zone, String... audioIds) {
        return new JsonObject().put("title", "Chương trình ghép").put("playlist", new JsonArray(List.of(audioIds)))
                .put("chime", false).put("zones", new JsonArray().add(zone));
    }
}
