package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.Uploads;

/** Recorded programmes: uploaded, checked, decoded and stored; then aired by an announcement naming them. */
class AudioIT extends ApiSuite {

    /** Uploads store files and one row; the database adds nothing to test, so H2 is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    static Path work;

    @BeforeAll
    static void folder() throws Exception {
        work = Files.createTempDirectory("loa-audio-it-");
    }

    static Api.Reply upload(Api api, String name, String type, byte[] content) {
        return api.sendBytes("POST", "/api/v1/audio", Uploads.multipart(name, type, content), Uploads.contentType());
    }

    @Test
    void programmesInEachFormatAreStoredWithTheirLength() throws Exception {
        for (String ext : List.of("mp3", "wav", "ogg", "m4a")) {
            Api.Reply reply = upload(province.clerkA, "Bản tin sáng." + ext, "audio/" + ext, Uploads.tone(work, ext, 3));

            assertThat(reply.status()).as(ext + ": " + reply).isEqualTo(201);
            JsonObject stored = reply.json();
            assertThat(stored.getString("audioId")).startsWith("au-");
            assertThat(stored.getLong("durationMs")).as(ext).isBetween(2900L, 3200L);
            assertThat(stored.getString("name")).isEqualTo("Bản tin sáng." + ext);
            assertThat(stored.getString("format")).isEqualTo(ext.toUpperCase());
            assertThat(server.config().dataDir().resolve("audio").resolve(stored.getString("audioId") + "." + ext))
                    .exists();
        }
    }

    @Test
    void storedProgrammeCanBeHeardInItsUnitAndIsHiddenElsewhere() throws Exception {
        byte[] mp3 = Uploads.tone(work, "mp3", 1);
        String audioId = upload(province.clerkA, "nghe-thu.mp3", "audio/mpeg", mp3).json().getString("audioId");

        Api.Reply heard = province.approverA.get("/api/v1/audio/" + audioId);

        assertThat(heard.status()).as(heard.toString()).isEqualTo(200);
        assertThat(heard.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(heard.bytes()).as("the bytes uploaded").isEqualTo(mp3);
        assertThat(province.admin.get("/api/v1/audio/" + audioId).status()).as("the province above").isEqualTo(200);
        assertRefused(province.clerkB.get("/api/v1/audio/" + audioId), 404, "not_found");
        assertRefused(province.clerkA.get("/api/v1/audio/au-khong-co"), 404, "not_found");
    }

    @Test
    void corruptMp3IsRefusedAsCorrupt() {
        byte[] garbage = new byte[20_000];
        new Random(5).nextBytes(garbage);
        byte[] id3 = garbage.clone();
        System.arraycopy("ID3".getBytes(StandardCharsets.US_ASCII), 0, id3, 0, 3);
        byte[] frameSync = garbage.clone();
        frameSync[0] = (byte) 0xFF;
        frameSync[1] = (byte) 0xFB;

        assertRefused(upload(province.clerkA, "hong.mp3", "audio/mpeg", id3), 422, "corrupt_audio");
        assertRefused(upload(province.clerkA, "hong2.mp3", "audio/mpeg", frameSync), 422, "corrupt_audio");
    }

    @Test
    void fileThatIsNotAudioIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertRefused(upload(province.clerkA, "anh.mp3", "audio/mpeg", png), 415, "not_audio");
        assertRefused(upload(province.clerkA, "thu.mp3", "audio/mpeg",
                "Kính gửi bà con".getBytes(StandardCharsets.UTF_8)), 415, "not_audio");
        assertRefused(upload(province.clerkA, "rong.mp3", "audio/mpeg", new byte[0]), 400, "empty_file");
    }

    @Test
    void hostileFileNamesAreRefused() throws Exception {
        byte[] mp3 = Uploads.tone(work, "mp3", 1);
        for (String name : List.of("../../../etc/cron.d/loa.mp3", "..\\\\..\\\\windows\\\\loa.mp3",
                "<script>alert(1)</script>.mp3", "a".repeat(300) + ".mp3", "tin\u202Egnp.mp3", ".htaccess")) {
            assertRefused(upload(province.clerkA, name, "audio/mpeg", mp3), 400, "invalid_file_name");
        }
        assertNothingLeftIncoming();
    }

    /** Uploads are deleted once their answer is out, a moment after the client has read it. */
    static void assertNothingLeftIncoming() throws Exception {
        Path incoming = server.config().dataDir().resolve("audio/incoming");
        await().alias("bytes left in " + incoming).atMost(Duration.ofSeconds(5))
                .until(() -> Uploads.sizeOf(incoming), bytes -> bytes == 0);
    }

    @Test
    void uploadDeclaredAsTwoGigabytesIsRefusedBeforeItsBodyIsRead() throws Exception {
        long before = Uploads.sizeOf(server.config().dataDir());

        Uploads.Refusal refusal = Uploads.stream(server.baseUrl(), province.clerkA.token(), 2L << 30, 64L << 20);

        assertThat(refusal.statusLine()).contains("413");
        assertThat(refusal.bytesSent()).as("bytes the client got to send").isLessThan(32L << 20);
        assertThat(Uploads.sizeOf(server.config().dataDir()) - before).as("growth of the data folder")
                .isLessThan(1L << 20);
    }

    @Test
    void uploadThatGrowsPastTheLimitIsCutOffAndLeavesNothingOnDisk() throws Exception {
        Uploads.Refusal refusal = Uploads.stream(server.baseUrl(), province.clerkA.token(), 0, 64L << 20);

        assertThat(refusal.statusLine()).contains("413");
        assertThat(refusal.bytesSent()).as("bytes the client got to send").isLessThan(40L << 20);
        assertNothingLeftIncoming();
    }

    @Test
    void announcementNamingAnUploadedProgrammeAirsIt() throws Exception {
        String audioId = upload(province.clerkA, "nhac.wav", "audio/wav", Uploads.tone(work, "wav", 2)).json()
                .getString("audioId");
        String zone = Province.unique("thon-ghi-am");
        Province.created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Ghi Âm", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            Province.created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
            long id = Province.created(province.clerkA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Chương trình ghi âm").put("audioId", audioId).put("chime", false)
                    .put("zones", new JsonArray().add(zone)))).json().getLong("id");
            province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
            province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
            province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);

            List<RtpPacket> packets = speaker.receive(1500, 30_000);

            assertThat(packets.size() * 0.02).as("seconds on air").isBetween(1.8, 2.6);
            assertThat(OnAirIT.rms(packets)).as("the tone, not silence").isGreaterThan(1000);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
        }
        assertRefused(province.clerkA.post("/api/v1/announcements", new JsonObject().put("title", "Không có tệp")
                .put("audioId", "au-khong-co").put("zones", new JsonArray().add("thon-a1"))), 400, "unknown_audio");
    }
}
