package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.Pictures;
import vn.loa.display.ddp.DdpReceiver;
import vn.loa.display.render.SlideRenderer;
import vn.loa.display.render.TextSlide;
import vn.loa.server.testing.Api;

/** Clerks fill boards' playlists; the server's snapshot shows what a board shows; emergencies take over the boards. */
class BoardContentIT extends ApiSuite {

    static final String TITLE = "Thông báo họp dân";
    static final String BODY = "Mời bà con thôn Đông dự họp lúc 19 giờ tại nhà văn hóa để bàn việc làm đường.";

    String board(String zone, int width, int height) {
        String id = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng tin " + id)
                .put("zone", zone).put("kind", "LCD").put("width", width).put("height", height)));
        return id;
    }

    /** A village of its own, so a banner raised in one test never lingers over another test's boards. */
    String village() {
        String zone = Province.unique("thon");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + zone, "xa-a")));
        return zone;
    }

    static JsonObject text(String title, String body) {
        return new JsonObject().put("kind", "TEXT").put("title", title).put("body", body).put("seconds", 30);
    }

    static JsonObject playlist(JsonObject... items) {
        return new JsonObject().put("items", new JsonArray(List.of((Object[]) items)));
    }

    static BufferedImage png(Api.Reply reply) throws Exception {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("image/png");
        return ImageIO.read(new ByteArrayInputStream(reply.bytes()));
    }

    @Test
    void theSnapshotShowsTheClerksSlideExactlyAsTheRendererDrawsIt() throws Exception {
        String id = board("thon-a1", 640, 360);
        var stored = province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY)));
        assertThat(stored.status()).as(stored.toString()).isEqualTo(200);
        assertThat(stored.json().getJsonArray("items").getJsonObject(0).getInteger("pages")).isEqualTo(1);

        BufferedImage snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        BoardProfile profile = BoardProfile.of(new Board(id, "x", "thon-a1", BoardKind.LCD, 640, 360, null));
        BufferedImage expected = new SlideRenderer().render(profile, new TextSlide(TITLE, BODY), 0);
        assertThat(pixels(snapshot)).isEqualTo(pixels(expected));
        assertThat(province.clerkA.get("/api/v1/boards/" + id + "/playlist").json().getJsonArray("items")
                .getJsonObject(0).getString("body")).isEqualTo(BODY);
    }

    @Test
    void aTextTooLongForTheBoardIsPagedNotRefused() {
        String id = board("thon-a1", 320, 180);
        var stored = province.clerkA.put("/api/v1/boards/" + id + "/playlist",
                playlist(text("Dài", "Chữ rất dài không thể vừa một trang. ".repeat(500))));
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json().getJsonArray("items").getJsonObject(0).getInteger("pages")).isGreaterThan(1);
        assertThat(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png").status()).isEqualTo(200);
    }

    @Test
    void aPictureIsUploadedAndFillsTheBoard() throws Exception {
        String id = board("thon-a1", 320, 180);
        BufferedImage green = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = green.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        var up = province.clerkA.sendBytes("POST", "/api/v1/boards/" + id + "/media", Pictures.png(green), "image/png");
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        String media = up.json().getString("mediaId");
        assertThat(province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(new JsonObject()
                .put("kind", "IMAGE").put("mediaId", media).put("seconds", 20))).status()).isEqualTo(200);

        BufferedImage snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        assertThat(snapshot.getRGB(160, 90)).isEqualTo(Color.GREEN.getRGB());
        assertThat(snapshot.getRGB(2, 2)).isEqualTo(Color.GREEN.getRGB());
    }

    @Test
    void aVideoIsTranscodedForTheBoardAndTheSnapshotShowsItsFirstFrame() throws Exception {
        String id = board("thon-a1", 320, 180);
        java.nio.file.Path source = vn.loa.display.render.Videos.testPattern(
                java.nio.file.Files.createTempFile("loa-video", ".mp4"), 640, 480, 1);
        var up = province.clerkA.sendBytes("POST", "/api/v1/boards/" + id + "/media",
                java.nio.file.Files.readAllBytes(source), "video/mp4");
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.json().getString("kind")).isEqualTo("VIDEO");
        String media = up.json().getString("mediaId");
        assertThat(province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(new JsonObject()
                .put("kind", "VIDEO").put("mediaId", media).put("seconds", 5))).status()).isEqualTo(200);

        BufferedImage poster = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        assertThat(poster.getRGB(2, 90) & 0xffffff).as("4:3 video letterboxed on a 16:9 board").isLessThan(0x202020);
        assertThat(poster.getRGB(160, 60) & 0xffffff).as("the test pattern in the middle").isGreaterThan(0x202020);
        var webm = anonymous().get("/player/" + id + "/media/" + media + ".webm");
        assertThat(webm.status()).isEqualTo(200);
        assertThat(webm.bytes()[0] & 0xff).isEqualTo(0x1a);
    }

    @Test
    void badMediaAreRefusedClearlyAndTheBoardKeepsPlaying() throws Exception {
        String id = board("thon-a1", 320, 180);
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY)));
        String path = "/api/v1/boards/" + id + "/media";

        assertRefused(province.clerkA.sendBytes("POST", path, Pictures.claimingPng(50_000, 50_000), "image/png"),
                413, "image_too_large");
        byte[] png = Pictures.png(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB));
        assertRefused(province.clerkA.sendBytes("POST", path, java.util.Arrays.copyOf(png, png.length / 2), "image/png"),
                400, "corrupt_media");
        assertRefused(province.clerkA.sendBytes("POST", path, "<svg/>".getBytes(), "image/svg+xml"),
                415, "unsupported_format");
        assertRefused(province.clerkA.sendBytes("POST", path, "hello".getBytes(), "text/plain"),
                415, "unsupported_format");
        byte[] junk = new byte[20_000];
        new java.util.Random(7).nextBytes(junk);
        assertRefused(province.clerkA.sendBytes("POST", path, junk, "video/mp4"), 400, "corrupt_media");
        assertRefused(province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(new JsonObject()
                .put("kind", "IMAGE").put("mediaId", "m-khong-co").put("seconds", 5))), 400, "unknown_media");

        BufferedImage still = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        assertThat(province.clerkA.get("/api/v1/boards/" + id + "/playlist").json().getJsonArray("items")).hasSize(1);
        assertThat(still.getWidth()).isEqualTo(320);
    }

    @Test
    void unknownBoardsAndOtherCommunesBoardsAreNotFound() {
        String id = board("thon-a1", 320, 180);
        assertRefused(province.clerkB.get("/api/v1/boards/" + id + "/playlist"), 404, "not_found");
        assertRefused(province.clerkB.get("/api/v1/boards/" + id + "/snapshot.png"), 404, "not_found");
        assertRefused(province.clerkB.put("/api/v1/boards/" + id + "/playlist", playlist(text("x", "y"))),
                404, "not_found");
        assertRefused(province.clerkA.get("/api/v1/boards/khong-co/snapshot.png"), 404, "not_found");
        assertRefused(province.clerkA.sendBytes("POST", "/api/v1/boards/khong-co/media", new byte[] {1}, "image/png"),
                404, "not_found");
        assertThat(anonymous().get("/player/khong-co").status()).isEqualTo(404);
        assertThat(anonymous().get("/player/" + id).status()).isEqualTo(200);
    }

    @Test
    void anEmergencyAnnouncementPutsItsBannerOnTheBoardsOfItsZones() throws Exception {
        String village = village();
        String inZone = board(village, 320, 180);
        String elsewhere = board("thon-b1", 320, 180);
        province.clerkA.put("/api/v1/boards/" + inZone + "/playlist", playlist(text(TITLE, BODY)));
        long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                .put("title", "Lũ khẩn cấp").put("text", "Mời bà con sơ tán lên chỗ cao.")
                .put("priority", "EMERGENCY").put("zones", new JsonArray().add(village)))).json().getLong("id");
        province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);

        waitForSnapshot(province.clerkA, inZone, img -> img.getRGB(2, 2) == 0xffc1121f);
        assertThat(png(province.admin.get("/api/v1/boards/" + elsewhere + "/snapshot.png")).getRGB(2, 2))
                .isNotEqualTo(0xffc1121f);
    }

    @Test
    void aPlayerGetsItsScreenOverTheSocketAndOnlyItsKeyedProofOfPlayIsStored() throws Exception {
        String id = Province.unique("bang");
        String key = created(province.admin.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng chợ")
                .put("zone", "thon-a1").put("kind", "LCD").put("width", 320).put("height", 180)))
                .json().getString("playerKey");
        assertThat(key).isNotBlank();
        assertThat(province.admin.get("/api/v1/boards/" + id).json().containsKey("playerKey")).isFalse();
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY)));

        var strangerScreens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket stranger = playerSocket(id, "?key=doan-bua", strangerScreens);
        JsonObject entry = waitForScreen(strangerScreens, s -> true).getJsonArray("entries").getJsonObject(0);
        assertThat(entry.getString("title")).as("what a board shows is public").isEqualTo(TITLE);
        stranger.sendText(played("gia-mao", 1_000), true).get();

        var screens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket socket = playerSocket(id, "?key=" + key, screens);
        assertThat(waitForScreen(screens, s -> true).getJsonArray("entries").getJsonObject(0).getString("src"))
                .isEqualTo(entry.getString("src"));
        assertThat(anonymous().get(entry.getString("src")).headers().firstValue("Content-Type")).contains("image/png");
        socket.sendText("{not json", true).get();
        socket.sendText(played(entry.getString("item"), 30_000), true).get();
        JsonArray plays = playsOnceAny(id);
        assertThat(plays).as("only the keyed player's report").hasSize(1);
        assertThat(plays.getJsonObject(0).getString("item")).isEqualTo(entry.getString("item"));
        assertThat(plays.getJsonObject(0).getLong("millis")).isEqualTo(30_000L);
        socket.abort();
        stranger.abort();

        var unknown = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
                java.net.URI.create(server.baseUrl().replace("http", "ws") + "/player/khong-co/socket"),
                new java.net.http.WebSocket.Listener() { });
        assertThat(unknown).failsWithin(java.time.Duration.ofSeconds(10));
    }

    @Test
    void aTechnicianIssuesANewPlayerKeyAndOnlyItCountsForProofOfPlay() throws Exception {
        String id = Province.unique("bang");
        String old = created(province.admin.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng")
                .put("zone", "thon-a1").put("kind", "LCD").put("width", 320).put("height", 180)))
                .json().getString("playerKey");
        assertRefused(province.clerkA.post("/api/v1/boards/" + id + "/player-key", null), 403, "forbidden");
        assertRefused(province.clerkB.post("/api/v1/boards/" + id + "/player-key", null), 404, "not_found");
        var issued = province.technicianA.post("/api/v1/boards/" + id + "/player-key", null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String key = issued.json().getString("playerKey");
        assertThat(key).isNotBlank().isNotEqualTo(old);

        var screens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket former = playerSocket(id, "?key=" + old, screens);
        java.net.http.WebSocket current = playerSocket(id, "?key=" + key, screens);
        waitForScreen(screens, s -> true);
        waitForScreen(screens, s -> true);
        former.sendText(played("cu", 1_000), true).get();
        current.sendText(played("moi", 2_000), true).get();
        JsonArray plays = playsOnceAny(id);
        assertThat(plays.stream().map(p -> ((JsonObject) p).getString("item")).toList()).containsExactly("moi");
        former.abort();
        current.abort();
    }

    @Test
    void aNoticeOnAirIsASlideAheadOfThePlaylistOfItsZonesBoardsUntilShortlyAfterItEnds() throws Exception {
        String village = village();
        String id = board(village, 320, 180);
        String elsewhere = board("thon-b1", 320, 180);
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY)));
        var screens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket socket = playerSocket(id, screens);
        try (java.net.DatagramSocket speaker = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            loudspeaker(village, speaker);
            String notice = "Lịch tiêm chủng tháng 12";
            JsonObject body = new JsonObject().put("title", notice).put("chime", false)
                    .put("text", "Trạm y tế xã tiêm vắc xin cho trẻ em vào sáng thứ bảy. ".repeat(6))
                    .put("zones", new JsonArray().add(village));
            long aired = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
            province.clerkA.post("/api/v1/announcements/" + aired + "/submit", null);
            province.approverA.post("/api/v1/announcements/" + aired + "/approve", null);
            province.clerkA.post("/api/v1/announcements/" + aired + "/broadcast", null);

            JsonObject during = waitForScreen(screens, s -> titles(s).get(0).equals(notice));
            assertThat(titles(during)).as("the notice first, then the board's own playlist").endsWith(TITLE);
            assertThat(during.getJsonObject("overlay").getString("text")).as("the notice on air, over whatever plays")
                    .isEqualTo("Đang phát trên loa: " + notice);
            assertThat(anonymous().get(during.getJsonObject("overlay").getString("src")).status()).isEqualTo(200);
            assertThat(during.getJsonArray("entries").getJsonObject(0).getString("body")).startsWith("Trạm y tế xã");
            String src = during.getJsonArray("entries").getJsonObject(0).getString("src");
            assertThat(anonymous().get(src).headers().firstValue("Content-Type")).contains("image/png");
            assertThat(titles(screenOf(elsewhere))).doesNotContain(notice);

            var cancelled = province.approverA.post("/api/v1/announcements/" + aired + "/cancel", new JsonObject());
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            waitForScreen(screens, s -> titles(s).equals(List.of(TITLE)));
        } finally {
            socket.abort();
        }
    }

    /** An IP loudspeaker in the zone, so an announcement there stays on air while it is read out. */
    static void loudspeaker(String zone, java.net.DatagramSocket speaker) {
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-ip"))
                .put("name", "Loa IP").put("zone", zone).put("kind", "rtp").put("codec", "PCMU")
                .put("address", "127.0.0.1:" + speaker.getLocalPort())));
    }

    static List<String> titles(JsonObject screen) {
        return screen.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("title")).toList();
    }

    /** The screen a board's player is sent first when it connects. */
    static JsonObject screenOf(String board) throws Exception {
        var screens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket socket = playerSocket(board, screens);
        try {
            return waitForScreen(screens, s -> true);
        } finally {
            socket.abort();
        }
    }

    static JsonObject waitForScreen(java.util.concurrent.BlockingQueue<JsonObject> screens, Predicate<JsonObject> wanted)
            throws Exception {
        for (JsonObject s = screens.poll(30, java.util.concurrent.TimeUnit.SECONDS); s != null;
                s = screens.poll(30, java.util.concurrent.TimeUnit.SECONDS)) {
            if ("screen".equals(s.getString("type")) && wanted.test(s)) {
                return s;
            }
        }
        throw new AssertionError("the player was never sent the screen expected");
    }

    static String played(String item, long millis) {
        return new JsonObject().put("type", "played").put("item", item).put("kind", "TEXT")
                .put("shownAt", Instant.now().toString()).put("millis", millis).encode();
    }

    static java.net.http.WebSocket playerSocket(String board, java.util.concurrent.BlockingQueue<JsonObject> screens)
            throws Exception {
        return playerSocket(board, "", screens);
    }

    /** A web player's socket ({@code query}: its key, if any): every screen the server sends lands in {@code screens}. */
    static java.net.http.WebSocket playerSocket(String board, String query,
            java.util.concurrent.BlockingQueue<JsonObject> screens) throws Exception {
        return java.net.http.HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(java.net.URI.create(
                        server.baseUrl().replace("http", "ws") + "/player/" + board + "/socket" + query),
                        new java.net.http.WebSocket.Listener() {
                            final StringBuilder partial = new StringBuilder();

                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws,
                                    CharSequence data, boolean last) {
                                partial.append(data);
                                if (last) {
                                    screens.add(new JsonObject(partial.toString()));
                                    partial.setLength(0);
                                }
                                ws.request(1);
                                return null;
                            }
                        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void anAlertFromASensorPutsItsBannerOnTheBoards() throws Exception {
        String zone = Province.unique("thon-ven-song");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Ven Sông", "xa-a")));
        String id = board(zone, 320, 180);
        String key = created(province.adminA.post("/api/v1/alerts/keys", new JsonObject().put("name", "Trạm đo mưa")))
                .json().getString("key");
        var alert = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl() + "/api/v1/alerts")).header("Content-Type", "application/json")
                .header("X-API-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(new JsonObject()
                        .put("headline", "Nước sông lên nhanh").put("text", "Bà con ven sông sơ tán.")
                        .put("zones", new JsonArray().add(zone)).put("severity", "Severe").encode())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(alert.statusCode()).as(alert.body()).isEqualTo(201);
        waitForSnapshot(province.clerkA, id, img -> img.getRGB(2, 2) == 0xffc1121f);
    }

    @Test
    void aCancelledEmergencyLeavesTheBoardsAtOnce() throws Exception {
        String village = village();
        String id = board(village, 320, 180);
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY)));
        int[] before = pixels(png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png")));
        try (java.net.DatagramSocket speaker = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress())) {
            loudspeaker(village, speaker);
            long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Cháy rừng").put("text", "Mời bà con tránh xa khu rừng phía tây. ".repeat(20))
                    .put("priority", "EMERGENCY").put("zones", new JsonArray().add(village)))).json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);
            waitForSnapshot(province.clerkA, id, img -> img.getRGB(2, 2) == 0xffc1121f);

            var cancelled = province.approverA.post("/api/v1/announcements/" + alert + "/cancel", new JsonObject());
            assertThat(cancelled.status()).as(cancelled + " " + province.approverA.get("/api/v1/announcements/" + alert))
                    .isEqualTo(200);
            waitForSnapshot(province.clerkA, id, img -> java.util.Arrays.equals(pixels(img), before));
        }
    }

    @Test
    void aBannerRaisedByAnotherPartOfLoaComesDownAtItsEndAndThePlaylistReturns() throws Exception {
        String village = village();
        String id = board(village, 320, 180);
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY)));
        int[] before = pixels(png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png")));

        server.loa().boardBanners().show(List.of(village), "Cháy chợ", Instant.now().plusSeconds(2));
        waitForSnapshot(province.clerkA, id, img -> img.getRGB(2, 2) == 0xffc1121f);
        waitForSnapshot(province.clerkA, id, img -> java.util.Arrays.equals(pixels(img), before));

        String held = server.loa().boardBanners().show(List.of(village), "Bão", null);
        waitForSnapshot(province.clerkA, id, img -> img.getRGB(2, 2) == 0xffc1121f);
        server.loa().boardBanners().clear(held);
        waitForSnapshot(province.clerkA, id, img -> java.util.Arrays.equals(pixels(img), before));
    }

    @Test
    void anLedMatrixReceivesOverDdpExactlyWhatTheSnapshotShows() throws Exception {
        try (DdpReceiver controller = new DdpReceiver(128 * 64 * 3)) {
            String id = Province.unique("led");
            created(province.technicianA.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng LED cổng")
                    .put("zone", "thon-a1").put("kind", "LED").put("width", 128).put("height", 64)
                    .put("driver", "ddp:127.0.0.1:" + controller.address().getPort()).put("brightness", "00:00=100")));
            province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text("Chào mừng", "Quốc khánh 2/9")));
            int[] snapshot = pixels(png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png")));
            for (int i = 0; i < 100; i++) {
                byte[] frame = controller.nextFrame(10);
                assertThat(frame).as("a DDP frame within 10 s").isNotNull();
                if (java.util.Arrays.equals(rgb(frame), snapshot)) {
                    return;
                }
            }
            throw new AssertionError("no DDP frame equalled the snapshot");
        }
    }

    static int[] rgb(byte[] frame) {
        int[] px = new int[frame.length / 3];
        for (int i = 0; i < px.length; i++) {
            px[i] = 0xff000000 | (frame[3 * i] & 0xff) << 16 | (frame[3 * i + 1] & 0xff) << 8 | (frame[3 * i + 2] & 0xff);
        }
        return px;
    }

    static void waitForSnapshot(Api api, String board, Predicate<BufferedImage> wanted) {
        await().alias("the snapshot of " + board + " shows what is expected").atMost(Duration.ofSeconds(15))
                .until(() -> png(api.get("/api/v1/boards/" + board + "/snapshot.png")), wanted);
    }

    /** The proof-of-play rows of a board, once there is any (the player's reports are stored as they come). */
    private static JsonArray playsOnceAny(String board) {
        return await().atMost(Duration.ofSeconds(5))
                .until(() -> province.clerkA.get("/api/v1/boards/" + board + "/plays").array(), p -> !p.isEmpty());
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
