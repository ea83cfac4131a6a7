package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.display.Pictures.ink;
import static vn.loa.server.api.BoardContentIT.pixels;
import static vn.loa.server.api.BoardContentIT.playlist;
import static vn.loa.server.api.BoardContentIT.png;
import static vn.loa.server.api.BoardContentIT.text;
import static org.awaitility.Awaitility.await;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonObject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Layouts;
import vn.loa.display.layout.Region;
import vn.loa.display.render.SlideRenderer;
import vn.loa.display.render.TextSlide;

/** A board profile chooses a layout: its snapshot and its player's frames show the playlist in the main region. */
class BoardLayoutIT extends ApiSuite {

    static final String LAYOUT = "header-main-side-ticker";

    JsonObject board(String id, String layout) {
        JsonObject b = new JsonObject().put("id", id).put("name", "Bảng tin UBND xã Đồng Tâm").put("zone", "thon-a1")
                .put("kind", "LCD").put("width", 960).put("height", 540);
        return layout == null ? b : b.put("layout", layout);
    }

    @Test
    void theSnapshotShowsThePlaylistInItsRegionAmongTheWidgets() throws Exception {
        String id = Province.unique("bang");
        JsonObject stored = created(province.admin.post("/api/v1/boards", board(id, LAYOUT))).json();
        assertThat(stored.getString("layout")).isEqualTo(LAYOUT);
        assertThat(province.clerkA.put("/api/v1/boards/" + id + "/playlist",
                playlist(text(BoardContentIT.TITLE, BoardContentIT.BODY))).status()).isEqualTo(200);

        BufferedImage snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        Layout layout = Layouts.named(LAYOUT);
        BoardProfile profile = BoardProfile.of(new Board(id, "x", "thon-a1", BoardKind.LCD, 960, 540, null));
        BoardProfile main = layout.playlistProfile(profile);
        Rectangle at = layout.place(layout.playlist(), 960, 540);
        BufferedImage expected = new SlideRenderer().render(main, new TextSlide(BoardContentIT.TITLE, BoardContentIT.BODY), 0);
        assertThat(pixels(snapshot.getSubimage(at.x, at.y, at.width, at.height))).as("the slide, fitted to its region")
                .isEqualTo(pixels(expected));
        for (String name : new String[] {"header", "clock", "date"}) {
            Rectangle region = layout.place(region(layout, name), 960, 540);
            Rectangle ink = ink(snapshot, region);
            assertThat(ink).as(name + " draws something").isNotNull();
            assertThat(region.contains(ink) && ink.x > region.x && ink.y > region.y
                    && ink.getMaxX() < region.getMaxX() && ink.getMaxY() < region.getMaxY())
                    .as(name + " is drawn inside its region, nothing clipped: " + ink + " in " + region).isTrue();
        }
        assertThat(ink(snapshot, layout.place(region(layout, "weather"), 960, 540)))
                .as("no weather source: an empty panel").isNull();

        // The web player's frame of the entry is the same composition as the snapshot.
        String item = province.clerkA.get("/api/v1/boards/" + id + "/playlist").json().getJsonArray("items")
                .getJsonObject(0).getString("id");
        BufferedImage frame = png(anonymous().get("/player/" + id + "/frames/" + item + "-0.png?v=1&at="
                + System.currentTimeMillis() / 60000));
        assertThat(pixels(frame.getSubimage(at.x, at.y, at.width, at.height))).isEqualTo(pixels(expected));
    }

    @Test
    void aBoardWithoutALayoutIsFullScreenAsBeforeAndCanChooseOneLater() throws Exception {
        String id = Province.unique("bang");
        assertThat(created(province.admin.post("/api/v1/boards", board(id, null))).json().getString("layout")).isEqualTo("full");
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(BoardContentIT.TITLE, "")));
        BoardProfile profile = BoardProfile.of(new Board(id, "x", "thon-a1", BoardKind.LCD, 960, 540, null));
        int[] full = pixels(new SlideRenderer().render(profile, new TextSlide(BoardContentIT.TITLE, ""), 0));
        assertThat(pixels(png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png")))).isEqualTo(full);

        var changed = province.admin.put("/api/v1/boards/" + id, board(id, "header-main-ticker"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        // A board's own settings reach its screen at the half-minute refresh, or at once with its next playlist.
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(BoardContentIT.TITLE, "")));
        BoardContentIT.waitForSnapshot(province.clerkA, id, img -> !java.util.Arrays.equals(pixels(img), full));
        assertThat(province.admin.get("/api/v1/boards/" + id).json().getString("layout")).isEqualTo("header-main-ticker");
    }

    @Test
    void anUnknownLayoutIsRefusedSayingWhichExist() {
        var reply = province.admin.post("/api/v1/boards", board(Province.unique("bang"), "khong-co"));
        assertRefused(reply, 400, "invalid_board");
        assertThat(reply.json().getString("message")).contains("khong-co").contains("header-main-ticker");
    }

    @Test
    void theTemplatesAreListedWithTheirRegions() {
        var reply = province.clerkA.get("/api/v1/boards/layouts");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        var names = reply.array().stream().map(o -> (JsonObject) o).filter(o -> !o.getBoolean("custom"))
                .map(o -> o.getString("name")).toList();
        assertThat(names).containsExactly("full", "header-main-ticker", "header-main-side-ticker",
                "portrait-header-main-ticker", "led-clock-main", "header-main-gallery-ticker");
        JsonObject side = reply.array().getJsonObject(2);
        assertThat(side.getJsonArray("regions").stream().map(o -> ((JsonObject) o).getString("widget")))
                .contains("PLAYLIST", "CLOCK", "DATE", "WEATHER", "TICKER", "TEXT");
    }

    @Test
    void anLedMatrixWithTheLedLayoutReceivesTheSnapshotsCompositionOverDdp() throws Exception {
        try (vn.loa.display.ddp.DdpReceiver controller = new vn.loa.display.ddp.DdpReceiver(128 * 64 * 3)) {
            String id = Province.unique("led");
            created(province.technicianA.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng LED cổng")
                    .put("zone", "thon-a1").put("kind", "LED").put("width", 128).put("height", 64)
                    .put("driver", "ddp:127.0.0.1:" + controller.address().getPort()).put("brightness", "00:00=100")
                    .put("layout", "led-clock-main")));
            province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text("Chào mừng", "Quốc khánh 2/9")));
            BufferedImage snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
            Layout layout = Layouts.named("led-clock-main");
            assertThat(ink(snapshot, layout.place(region(layout, "clock"), 128, 64))).as("the clock on the matrix")
                    .isNotNull();
            for (int i = 0; i < 100; i++) {
                byte[] frame = controller.nextFrame(10);
                assertThat(frame).as("a DDP frame within 10 s").isNotNull();
                if (java.util.Arrays.equals(BoardContentIT.rgb(frame), pixels(snapshot))) {
                    return;
                }
                if (i % 30 == 29) { // the clock may have turned a minute since the snapshot
                    snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
                }
            }
            throw new AssertionError("no DDP frame equalled the snapshot");
        }
    }

    static JsonObject customLayout(String name) {
        return new JsonObject().put("name", name).put("title", "Bảng tin xã, giờ bên phải").put("width", 960)
                .put("height", 540).put("regions", new io.vertx.core.json.JsonArray()
                        .add(new JsonObject().put("name", "header").put("x", 0).put("y", 0).put("width", 960)
                                .put("height", 100).put("widget", "TEXT").put("text", "UBND xã Đồng Tâm"))
                        .add(new JsonObject().put("name", "main").put("x", 0).put("y", 100).put("width", 600)
                                .put("height", 440).put("widget", "PLAYLIST"))
                        .add(new JsonObject().put("name", "clock").put("x", 600).put("y", 100).put("width", 360)
                                .put("height", 440).put("z", 1).put("widget", "CLOCK")));
    }

    @Test
    void aCustomLayoutIsStoredListedGivenToABoardAndKeptWhileInUse() throws Exception {
        String name = Province.unique("bo-cuc");
        JsonObject stored = created(province.clerkA.post("/api/v1/layouts", customLayout(name))).json();
        assertThat(stored.getBoolean("custom")).isTrue();
        assertThat(province.clerkA.get("/api/v1/layouts").array().stream().map(o -> ((JsonObject) o).getString("name")))
                .startsWith("full").contains(name);

        String id = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", board(id, null)));
        province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(text(BoardContentIT.TITLE, "")));
        var set = province.clerkA.put("/api/v1/boards/" + id + "/layout", new JsonObject().put("layout", name));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(province.admin.get("/api/v1/boards/" + id).json().getString("layout")).isEqualTo(name);

        BufferedImage snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        Layout layout = Layouts.read(stored.encode());
        BoardProfile profile = BoardProfile.of(new Board(id, "x", "thon-a1", BoardKind.LCD, 960, 540, null));
        Rectangle main = layout.place(layout.playlist(), 960, 540);
        assertThat(main).isEqualTo(new Rectangle(0, 100, 600, 440));
        BufferedImage expected = new SlideRenderer().render(layout.playlistProfile(profile),
                new TextSlide(BoardContentIT.TITLE, ""), 0);
        assertThat(pixels(snapshot.getSubimage(main.x, main.y, main.width, main.height)))
                .as("the playlist in the custom main region at once").isEqualTo(pixels(expected));
        assertThat(ink(snapshot, new Rectangle(600, 100, 360, 440))).as("the clock").isNotNull();
        assertThat(ink(snapshot, new Rectangle(0, 0, 960, 100))).as("the header").isNotNull();

        // Moving the clock to the left redraws the board showing the layout.
        JsonObject moved = customLayout(name);
        moved.getJsonArray("regions").getJsonObject(1).put("x", 360);
        moved.getJsonArray("regions").getJsonObject(2).put("x", 0);
        var changed = province.clerkA.put("/api/v1/layouts/" + name, moved);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        BoardContentIT.waitForSnapshot(province.clerkA, id, img -> java.util.Arrays.equals(
                pixels(img.getSubimage(360, 100, 600, 440)), pixels(expected))
                && ink(img, new Rectangle(0, 100, 360, 440)) != null);

        var inUse = province.clerkA.delete("/api/v1/layouts/" + name);
        assertRefused(inUse, 409, "layout_in_use");
        assertThat(inUse.json().getString("message")).contains("đang được 1 bảng tin");
        assertThat(province.clerkA.put("/api/v1/boards/" + id + "/layout", new JsonObject().put("layout", "full"))
                .status()).isEqualTo(200);
        assertThat(province.clerkA.delete("/api/v1/layouts/" + name).status()).isEqualTo(204);
        assertThat(province.clerkA.get("/api/v1/layouts").array().stream().map(o -> ((JsonObject) o).getString("name")))
                .doesNotContain(name);
        assertRefused(province.clerkA.put("/api/v1/boards/" + id + "/layout", new JsonObject().put("layout", name)),
                400, "invalid_layout");
    }

    @Test
    void aCustomLayoutThatCannotBeDrawnIsRefusedInVietnameseNamingTheRegion() {
        JsonObject outside = customLayout(Province.unique("bo-cuc"));
        outside.getJsonArray("regions").getJsonObject(2).put("width", 400);
        var reply = province.clerkA.post("/api/v1/layouts", outside);
        assertRefused(reply, 400, "invalid_layout");
        assertThat(reply.json().getString("message")).contains("vùng clock").contains("nằm ngoài khung 960×540");

        JsonObject twice = customLayout(Province.unique("bo-cuc"));
        twice.getJsonArray("regions").getJsonObject(2).put("name", "header");
        assertThat(province.clerkA.post("/api/v1/layouts", twice).json().getString("message")).contains("trùng");

        JsonObject noPlaylist = customLayout(Province.unique("bo-cuc"));
        noPlaylist.getJsonArray("regions").getJsonObject(1).put("widget", "TEXT");
        assertThat(province.clerkA.post("/api/v1/layouts", noPlaylist).json().getString("message"))
                .contains("vùng phát danh sách");

        JsonObject sliver = customLayout(Province.unique("bo-cuc"));
        sliver.getJsonArray("regions").getJsonObject(0).put("height", 3);
        var thin = province.clerkA.post("/api/v1/layouts", sliver);
        assertRefused(thin, 400, "invalid_layout");
        assertThat(thin.json().getString("message")).contains("header quá nhỏ");

        assertRefused(province.clerkA.post("/api/v1/layouts", customLayout("full")), 409, "layout_exists");
        assertRefused(province.clerkA.put("/api/v1/layouts/" + Province.unique("bo-cuc"),
                customLayout("x")), 404, "not_found");

        JsonObject portrait = customLayout(Province.unique("bo-cuc")).put("width", 540).put("height", 960);
        portrait.getJsonArray("regions").getJsonObject(0).put("width", 540);
        portrait.getJsonArray("regions").getJsonObject(1).put("width", 540);
        portrait.getJsonArray("regions").getJsonObject(2).put("x", 0).put("y", 540).put("width", 540).put("height", 420);
        String name = created(province.clerkA.post("/api/v1/layouts", portrait)).json().getString("name");
        String id = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", board(id, null)));
        var sideways = province.clerkA.put("/api/v1/boards/" + id + "/layout", new JsonObject().put("layout", name));
        assertRefused(sideways, 400, "invalid_layout");
        assertThat(sideways.json().getString("message")).contains("dọc").contains("ngang");
    }

    static JsonObject campaign(String id, String mode, int priority, String title, String... groups) {
        return new JsonObject().put("id", id).put("name", "Chiến dịch " + id).put("mode", mode).put("priority", priority)
                .put("groups", new io.vertx.core.json.JsonArray(java.util.List.of((Object[]) groups)))
                .put("items", new io.vertx.core.json.JsonArray().add(new JsonObject().put("kind", "TEXT")
                        .put("title", title).put("seconds", 12)));
    }

    @Test
    void campaignsReachTheirGroupsByPriorityAndTheBoardsOwnPlaylistReturnsWhenNoneIsLeft() throws Exception {
        String village = Province.unique("thon");
        created(province.admin.post("/api/v1/zones", Province.zone(village, "Thôn " + village, "xa-a")));
        String inVillage = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", board(inVillage, null).put("zone", village)));
        province.clerkA.put("/api/v1/boards/" + inVillage + "/playlist", playlist(text(BoardContentIT.TITLE, "")));
        String byHand = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", board(byHand, null)));

        String zoneGroup = Province.unique("nhom");
        String handGroup = Province.unique("nhom");
        JsonObject g = created(province.clerkA.post("/api/v1/display-groups", new JsonObject().put("id", zoneGroup)
                .put("name", "Các bảng của thôn").put("zone", village))).json();
        assertThat(g.getString("zone")).isEqualTo(village);
        created(province.clerkA.post("/api/v1/display-groups", new JsonObject().put("id", handGroup)
                .put("name", "Bảng chọn tay").put("boards", new io.vertx.core.json.JsonArray().add(byHand))));

        String low = Province.unique("cd");
        String high = Province.unique("cd");
        created(province.clerkA.post("/api/v1/campaigns", campaign(low, "ROTATION", 1, "Tiêm chủng mở rộng", zoneGroup,
                handGroup)));
        created(province.clerkA.post("/api/v1/campaigns", campaign(high, "ROTATION", 5, "Bầu cử đại biểu", handGroup)
                .put("layout", "header-main-ticker")));
        String interrupt = Province.unique("cd");
        JsonObject stored = created(province.clerkA.post("/api/v1/campaigns",
                campaign(interrupt, "INTERRUPT", 0, "Phòng cháy rừng", zoneGroup).put("sharePercent", 5))).json();
        assertThat(stored.getInteger("shareSeconds")).as("5 % of an hour").isEqualTo(180);

        JsonObject village1 = BoardContentIT.screenOf(inVillage);
        assertThat(BoardContentIT.titles(village1)).as("the campaign replaces the board's own playlist")
                .containsExactly("Tiêm chủng mở rộng");
        var slots = village1.getJsonArray("interrupts");
        assertThat(slots.size() * 12).as("the interrupt's seconds in the hour").isBetween(168, 192);
        assertThat(slots.getJsonObject(1).getInteger("at") - slots.getJsonObject(0).getInteger("at")).isEqualTo(240);
        assertThat(anonymous().get(slots.getJsonObject(0).getString("src")).status()).as("its frame").isEqualTo(200);
        JsonObject chosen = BoardContentIT.screenOf(byHand);
        assertThat(BoardContentIT.titles(chosen)).as("the higher priority wins").containsExactly("Bầu cử đại biểu");
        assertThat(chosen.getJsonObject("layout").getString("name")).isEqualTo("header-main-ticker");
        assertThat(chosen.getJsonArray("interrupts")).isEmpty();

        assertThat(province.clerkA.delete("/api/v1/campaigns/" + low).status()).isEqualTo(204);
        assertThat(BoardContentIT.titles(BoardContentIT.screenOf(inVillage))).as("the fallback: its own playlist")
                .containsExactly(BoardContentIT.TITLE);
        assertThat(province.clerkA.delete("/api/v1/campaigns/" + high).status()).isEqualTo(204);
        JsonObject idle = BoardContentIT.screenOf(byHand);
        assertThat(idle.getJsonObject("layout").getString("name")).as("the board's default layout").isEqualTo("full");
        assertThat(idle.getJsonArray("entries").getJsonObject(0).getString("kind")).isEqualTo("IDLE");
        var listed = province.clerkA.get("/api/v1/campaigns").array().stream()
                .map(o -> ((JsonObject) o).getString("id")).toList();
        assertThat(listed).contains(interrupt).doesNotContain(low, high);
    }

    @Test
    void aCampaignThatCannotPlayIsRefusedSayingWhy() {
        String group = Province.unique("nhom");
        created(province.clerkA.post("/api/v1/display-groups", new JsonObject().put("id", group).put("name", "Nhóm")
                .put("zone", "thon-a1")));
        assertRefused(province.clerkA.post("/api/v1/campaigns", campaign(Province.unique("cd"), "INTERRUPT", 1, "x",
                group)), 400, "invalid_campaign");
        assertRefused(province.clerkA.post("/api/v1/campaigns", campaign(Province.unique("cd"), "ROTATION", 1, "x",
                group).put("layout", "khong-co")), 400, "invalid_campaign");
        assertRefused(province.clerkA.post("/api/v1/campaigns", campaign(Province.unique("cd"), "ROTATION", 1, "x",
                "khong-co-nhom")), 404, "not_found");
        assertRefused(province.clerkB.post("/api/v1/display-groups", new JsonObject().put("id", Province.unique("n"))
                .put("name", "Nhóm của xã khác").put("zone", "thon-a1")), 404, "not_found");
        assertRefused(province.clerkA.post("/api/v1/display-groups", new JsonObject().put("id", Province.unique("n"))
                .put("name", "Trống")), 400, "empty_group");
        JsonObject noId = campaign(Province.unique("cd"), "ROTATION", 1, "x", group);
        noId.remove("id");
        assertRefused(province.clerkA.post("/api/v1/campaigns", noId), 400, "invalid_request");
        assertRefused(province.clerkA.post("/api/v1/campaigns", campaign(Province.unique("cd"), "ROTATION", 1, "x",
                group).put("endsAt", "2026-01-01T00:00:00Z").put("startsAt", "2026-02-01T00:00:00Z")), 400,
                "invalid_campaign");
        assertRefused(province.clerkB.post("/api/v1/campaigns", campaign(Province.unique("cd"), "ROTATION", 1, "x",
                group)), 404, "not_found");
    }

    @Test
    void proofOfPlayIsKeptOnceAndReportedPerCampaignAndPerBoardAsCsvAndXlsx() throws Exception {
        String village = Province.unique("thon");
        created(province.admin.post("/api/v1/zones", Province.zone(village, "Thôn " + village, "xa-a")));
        String id = Province.unique("bang");
        String key = created(province.admin.post("/api/v1/boards", board(id, null).put("zone", village))).json()
                .getString("playerKey");
        String group = Province.unique("nhom");
        created(province.clerkA.post("/api/v1/display-groups", new JsonObject().put("id", group).put("name", "Thôn")
                .put("zone", village)));
        String campaign = Province.unique("cd");
        created(province.clerkA.post("/api/v1/campaigns", campaign(campaign, "ROTATION", 3, "Tiêm chủng", group)));

        var messages = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket player = BoardContentIT.playerSocket(id, "?key=" + key, messages);
        try {
            String item = BoardContentIT.waitForScreen(messages, s -> true).getJsonArray("entries").getJsonObject(0)
                    .getString("item");
            java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            // What a player shown offline sends on reconnect: its queue, one report of which it had sent before.
            JsonObject early = report("r1", item, now.minusSeconds(1800), 12_000);
            JsonObject late = report("r2", item, now.minusSeconds(60), 12_000);
            for (JsonObject r : java.util.List.of(early, late, early)) {
                player.sendText(r.encode(), true).get();
            }
            java.util.Set<String> acked = new java.util.HashSet<>();
            while (acked.size() < 2) {
                JsonObject m = messages.poll(10, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(m).as("every report acknowledged").isNotNull();
                if ("ack".equals(m.getString("type"))) {
                    acked.add(m.getString("id"));
                }
            }
            var byBoard = await().atMost(java.time.Duration.ofSeconds(10)).until(() -> province.clerkA
                    .get("/api/v1/reports/proof-of-play?days=2&by=board").array().stream()
                    .map(JsonObject.class::cast).filter(r -> r.getString("board").equals(id)).toList(),
                    rows -> rows.size() == 1 && rows.get(0).getLong("plays") == 2);
            assertThat(byBoard.get(0).getString("campaign")).isEqualTo(campaign);
            assertThat(byBoard.get(0).getLong("seconds")).as("the report sent twice counted once").isEqualTo(24L);
            JsonObject byCampaign = province.clerkA.get("/api/v1/reports/proof-of-play?days=2&by=campaign").array()
                    .stream().map(JsonObject.class::cast).filter(r -> r.getString("campaign").equals(campaign))
                    .findFirst().orElseThrow();
            assertThat(byCampaign.getLong("boards")).isEqualTo(1L);
            assertThat(byCampaign.getLong("plays")).isEqualTo(2L);
            var plays = province.clerkA.get("/api/v1/reports/proof-of-play?days=2&by=play").array().stream()
                    .map(JsonObject.class::cast).filter(r -> r.getString("board").equals(id)).toList();
            assertThat(plays).extracting(r -> r.getString("from") + " " + r.getString("to")).containsExactly(
                    now.minusSeconds(1800) + " " + now.minusSeconds(1788), now.minusSeconds(60) + " " + now.minusSeconds(48));
            assertThat(province.clerkB.get("/api/v1/reports/proof-of-play?days=2&by=play").array().stream()
                    .map(JsonObject.class::cast).map(r -> r.getString("board"))).as("another commune's boards")
                    .doesNotContain(id);

            var csv = province.clerkA.get("/api/v1/reports/proof-of-play?days=2&by=campaign&format=csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(new String(csv.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("Chiến dịch")
                    .contains(campaign + ",Chiến dịch " + campaign + ",1,2,24");
            var xlsx = province.clerkA.get("/api/v1/reports/proof-of-play?days=2&by=campaign&format=xlsx");
            assertThat(xlsx.status()).isEqualTo(200);
            try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.bytes()))) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Chiến dịch");
                var row = java.util.stream.IntStream.rangeClosed(1, sheet.getLastRowNum()).mapToObj(sheet::getRow)
                        .filter(r -> r.getCell(0).getStringCellValue().equals(campaign)).findFirst().orElseThrow();
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Chiến dịch " + campaign);
                assertThat(row.getCell(3).getNumericCellValue()).as("plays, a number").isEqualTo(2.0);
                assertThat(row.getCell(4).getNumericCellValue()).as("seconds").isEqualTo(24.0);
            }
        } finally {
            player.abort();
        }
    }

    private static JsonObject report(String id, String item, java.time.Instant shownAt, long millis) {
        return new JsonObject().put("type", "played").put("id", id).put("item", item).put("kind", "TEXT")
                .put("shownAt", shownAt.toString()).put("millis", millis);
    }

    private static Region region(Layout l, String name) {
        return l.regions().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
