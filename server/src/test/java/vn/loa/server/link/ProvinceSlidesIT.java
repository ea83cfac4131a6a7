package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.link.ProvinceLinkIT.announcementAt;
import static vn.loa.server.link.ProvinceLinkIT.awaitJson;
import static vn.loa.server.link.ProvinceLinkIT.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.Pictures;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;
import vn.loa.server.testing.Uploads;

/**
 * A province's announcement with a picture for the boards (a map of the flooded road) goes down to a commune linked
 * as its zone {@code xa-a} (ADR 0061): the picture travels once by its hash, the commune's board shows it while the
 * bulletin is on air (snapshot and web player frame alike), a second bulletin with it sends no byte, and a corrupt
 * picture is refused at upload with nothing kept. Two Loa processes on loopback, both on H2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProvinceSlidesIT {

    private static final Color MAP = new Color(20, 140, 60);

    private Path provinceData;
    private ServerProcess province;
    private ServerProcess commune;
    private RtpCapture speaker;
    private Api provinceAdmin;
    private Api communeAdmin;
    private String audioId;
    /** A 16:9 map of one colour: on a 16:9 board it fills the panel. */
    private final byte[] map = Pictures.solid(MAP, 160, 90, "png");

    @BeforeAll
    void linkACommuneWithABoardToItsProvince() throws Exception {
        provinceData = TempDirs.create("loa-slides-province-");
        Map<String, String> fast = Map.of("LOA_LINK_POLL_WAIT", "5", "LOA_LINK_RETRY_MAX", "1");
        province = ServerProcess.start(provinceData, "", ServerProcess.freePort(), with(fast, "LOA_LINK_ID", "tinh"));
        commune = ServerProcess.start(TempDirs.create("loa-slides-commune-"), "", ServerProcess.freePort(),
                with(with(fast, "LOA_LINK_ID", "xa-a"), "LOA_BOARD_NOTICE_LINGER", "600"));
        speaker = new RtpCapture();
        provinceAdmin = Api.signIn(province.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        JsonObject registered = ProvinceLinkIT.communeOfProvince(provinceAdmin, communeAdmin, speaker);
        created(communeAdmin.post("/api/v1/boards", new JsonObject().put("id", "bang-cho").put("name", "Bảng chợ")
                .put("zone", "thon-1").put("kind", "LCD").put("width", 320).put("height", 180)));
        Api.Reply linked = communeAdmin.put("/api/v1/upstream", new JsonObject().put("url", province.baseUrl())
                .put("id", "xa-a").put("key", registered.getString("key")));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        byte[] mp3 = Uploads.tone(provinceData, "mp3", 2, 1000);
        Api.Reply uploaded = provinceAdmin.sendBytes("POST", "/api/v1/audio",
                Uploads.multipart("Bản tin lũ.mp3", "audio/mpeg", mp3), Uploads.contentType());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        audioId = uploaded.json().getString("audioId");
    }

    @AfterAll
    void stop() throws Exception {
        // The commune first (it polls the province), then the province and the speaker; those never started are null.
        for (AutoCloseable started : java.util.stream.Stream.of(commune, province, speaker)
                .filter(java.util.Objects::nonNull).toList()) {
            started.close();
        }
    }

    @Test
    @Order(1)
    void aCorruptPictureIsRefusedAtUploadAndNothingIsKept() throws Exception {
        long id = draft("Bản đồ hỏng");
        Api.Reply refused = provinceAdmin.sendBytes("POST", "/api/v1/announcements/" + id + "/slides",
                Arrays.copyOf(map, map.length / 2), "image/png");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().getString("error")).isEqualTo("corrupt_media");
        assertThat(refused.json().getString("message")).contains("hỏng");
        assertThat(provinceAdmin.get("/api/v1/announcements/" + id + "/slides").array()).isEmpty();
        assertThat(keptPictures(provinceData)).isZero();
    }

    @Test
    @Order(2)
    void aPictureGoesDownOnceByItsHashAndTheCommunesBoardShowsItWhileTheBulletinIsOnAir() throws Exception {
        double sentBytes = provinceAdmin.metric("loa_link_slides_sent_bytes_total");
        long id = draft("Bản đồ đường ngập");
        Api.Reply added = provinceAdmin.sendBytes("POST", "/api/v1/announcements/" + id + "/slides", map, "image/png");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        String sha = added.json().getString("sha256");
        assertThat(provinceAdmin.get("/api/v1/announcements/" + id + "/slides/" + sha).bytes()).isEqualTo(map);
        approve(id);

        long local = airAtCommune("Bản đồ đường ngập");
        JsonArray there = communeAdmin.get("/api/v1/announcements/" + local + "/slides").array();
        assertThat(there.getJsonObject(0).getString("sha256")).isEqualTo(sha);
        assertThat(communeAdmin.get("/api/v1/announcements/" + local + "/slides/" + sha).bytes()).isEqualTo(map);

        // The web player's frame of the picture and the server's snapshot show the map's pixels.
        BufferedImage frame = png(new Api(commune.baseUrl(), null).get("/player/bang-cho/frames/notice-" + local
                + "-anh0-0.png"));
        assertThat(frame.getRGB(160, 60)).isEqualTo(MAP.getRGB());
        awaitJson(() -> new JsonObject().put("rgb", snapshot().getRGB(160, 40)), s -> s.getInteger("rgb") == MAP.getRGB(),
                Duration.ofSeconds(40));
        assertThat(provinceAdmin.metric("loa_link_slides_sent_bytes_total") - sentBytes).isEqualTo(map.length);
        assertThat(communeAdmin.metric("loa_link_slides_fetched_total")).isEqualTo(1.0);

        long again = draft("Bản đồ đường ngập, cập nhật");
        provinceAdmin.sendBytes("POST", "/api/v1/announcements/" + again + "/slides", map, "image/png");
        approve(again);
        JsonObject second = awaitJson(() -> announcementAt(communeAdmin, "Bản đồ đường ngập, cập nhật"),
                a -> a.getString("state").equals("APPROVED"), Duration.ofSeconds(30));
        assertThat(communeAdmin.get("/api/v1/announcements/" + second.getLong("id") + "/slides").array()
                .getJsonObject(0).getString("sha256")).isEqualTo(sha);
        assertThat(provinceAdmin.metric("loa_link_slides_sent_bytes_total") - sentBytes).as("no byte sent again")
                .isEqualTo(map.length);
        assertThat(communeAdmin.metric("loa_link_slides_fetched_total")).isEqualTo(1.0);
    }

    /** A draft of the province for the commune: a recording, no text (so the boards show only its picture). */
    private long draft(String title) {
        return created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", title)
                .put("audioId", audioId).put("zones", new JsonArray().add("xa-a")))).json().getLong("id");
    }

    private void approve(long id) {
        assertThat(provinceAdmin.post("/api/v1/announcements/" + id + "/submit", null).status()).isLessThan(300);
        Api.Reply approved = provinceAdmin.post("/api/v1/announcements/" + id + "/approve", null);
        assertThat(approved.status()).as(approved.toString()).isLessThan(300);
    }

    /** Waits for the commune's copy (thông thường: APPROVED) and broadcasts it there; its local id. */
    private long airAtCommune(String title) throws InterruptedException {
        long local = awaitJson(() -> announcementAt(communeAdmin, title), a -> a.getString("state").equals("APPROVED"),
                Duration.ofSeconds(30)).getLong("id");
        Api.Reply aired = communeAdmin.post("/api/v1/announcements/" + local + "/broadcast", null);
        assertThat(aired.status()).as(aired.toString()).isLessThan(300);
        return local;
    }

    private static long keptPictures(Path data) throws Exception {
        try (Stream<Path> files = Files.walk(data)) {
            return files.filter(p -> p.getFileName().toString().startsWith("s-")).count();
        }
    }

    private BufferedImage snapshot() {
        try {
            return png(communeAdmin.get("/api/v1/boards/bang-cho/snapshot.png"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BufferedImage png(Api.Reply reply) throws java.io.IOException {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(reply.bytes()));
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        var all = new java.util.HashMap<>(settings);
        all.put(key, value);
        return all;
    }
}
