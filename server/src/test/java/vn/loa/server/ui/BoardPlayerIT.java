package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.ui.PlayerIT.BODY;
import static vn.loa.server.ui.PlayerIT.TITLE;
import static vn.loa.server.ui.PlayerIT.showsTheSnapshot;
import static vn.loa.server.ui.PlayerIT.playlist;
import static vn.loa.server.ui.PlayerIT.text;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TcpProxy;

/**
 * A board's kiosk page and the boards and campaigns pages in Debian's chromium, what times nothing: a player cut off
 * from the server follows its schedule into tomorrow's campaign, layouts and a side column drawn as the server draws
 * them, display groups and the proof of play. In the forks beside other classes (ADR 0036); {@link PlayerIT}, which
 * times the emergency banner, runs alone.
 */
class BoardPlayerIT extends UiSuite {

    @Test
    void aPlayerCutFromTheServerFollowsItsScheduleIntoTomorrowsCampaignAndReportsItsPlaysOnReconnect() throws Exception {
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        String key = commune.admin.post("/api/v1/boards", new JsonObject().put("id", "bang-dinh")
                .put("name", "Bảng tin đình làng").put("zone", "thon-dong").put("kind", "LCD").put("width", 640)
                .put("height", 360)).json().getString("playerKey");
        clerk.put("/api/v1/boards/bang-dinh/playlist", playlist(text("Hôm nay", "Lịch trực ban hôm nay.", 600)));
        clerk.post("/api/v1/display-groups", new JsonObject().put("id", "nhom-dinh").put("name", "Bảng đình")
                .put("boards", new JsonArray().add("bang-dinh")));
        java.time.ZoneId vn = java.time.ZoneId.of("Asia/Ho_Chi_Minh");
        java.time.Instant tomorrow = java.time.LocalDate.now(vn).plusDays(1).atStartOfDay(vn).toInstant();
        var campaign = clerk.post("/api/v1/campaigns", new JsonObject().put("id", "bau-cu").put("name", "Bầu cử")
                .put("priority", 5).put("startsAt", tomorrow.toString()).put("endsAt", tomorrow.plusSeconds(86_400)
                        .toString()).put("groups", new JsonArray().add("nhom-dinh"))
                .put("items", new JsonArray().add(text("Ngày bầu cử", "Mời cử tri đi bầu cử.", 2))
                        .add(text("Điểm bỏ phiếu", "Nhà văn hóa thôn Đông.", 2))));
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        try (TcpProxy network = new TcpProxy(java.net.URI.create(server.baseUrl()).getPort())) {
            Page board = browser.open();
            board.clock().install();
            board.navigate("http://127.0.0.1:" + network.port() + "/player/bang-dinh?key=" + key);
            assertThat(board.locator("#text")).containsText("Lịch trực ban hôm nay.");
            // Every frame of the coming days is in the page's cache before the network goes.
            board.waitForFunction("() => document.body.dataset.ready === String(document.body.dataset.version)");
            network.refuse(true);
            network.cut();
            board.waitForFunction("() => document.body.dataset.online === 'false'");

            board.clock().setSystemTime(tomorrow.plusSeconds(10 * 3600).toEpochMilli());
            for (String expected : List.of("Mời cử tri đi bầu cử.", "Nhà văn hóa thôn Đông.", "Mời cử tri đi bầu cử.")) {
                assertThat(board.locator("#text")).containsText(expected);
                board.waitForFunction("() => document.getElementById('frame').src.startsWith('blob:') "
                        + "&& document.getElementById('frame').naturalWidth === 640");
            }
            board.waitForFunction("() => JSON.parse(localStorage.getItem('loa.player.bang-dinh.plays') || '[]')"
                    + ".some(r => r.shownAt >= '" + tomorrow + "')");

            // Back online: what played offline reaches the proof-of-play report, each play once.
            network.refuse(false);
            board.waitForFunction("() => document.body.dataset.online === 'true'");
            JsonObject row = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                    clerk.get("/api/v1/reports/proof-of-play?days=1&by=campaign").array().stream()
                            .map(JsonObject.class::cast).filter(r -> "bau-cu".equals(r.getString("campaign")))
                            .findFirst().orElse(null), r -> r != null && r.getLong("plays") >= 2);
            assertThat(row.getLong("boards")).isEqualTo(1L);
            var plays = clerk.get("/api/v1/reports/proof-of-play?days=1&by=play").array().stream()
                    .map(JsonObject.class::cast).filter(r -> "bau-cu".equals(r.getString("campaign")))
                    .map(r -> r.getString("from")).toList();
            assertThat(plays).as("offline plays, each kept once").doesNotHaveDuplicates()
                    .allMatch(from -> from.compareTo(tomorrow.toString()) >= 0);
            assertThat(browser.scriptErrors).allMatch(e -> e.startsWith("WebSocket connection to"));
        }
    }

    @Test
    void aClerkGroupsBoardsSchedulesAnInterruptAndDownloadsTheProofOfPlayInVietnamese() throws Exception {
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/campaigns");
        assertThat(page.locator("h2#groups-heading")).hasText("Nhóm bảng tin");
        page.locator("#group-id").fill("nhom-thon-dong");
        page.locator("#group-name").fill("Các bảng thôn Đông");
        page.locator("#group-zone").selectOption("thon-dong");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Lưu nhóm")).click();
        assertThat(page.locator("#groups tr[data-id='nhom-thon-dong']")).containsText("Thôn Đông");

        page.locator("#campaign-id").fill("phong-chay");
        page.locator("#campaign-name").fill("Phòng cháy rừng mùa khô");
        page.locator("#campaign-mode").selectOption("INTERRUPT");
        page.locator("#campaign-sharePercent").fill("5");
        page.locator("#campaign-groups-nhom-thon-dong").check();
        page.locator("#campaign-title").fill("Cấm đốt lửa trong rừng");
        page.locator("#campaign-body").fill("Mùa khô: không đốt nương, không mang lửa vào rừng.");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Lưu chiến dịch")).click();
        assertThat(page.locator("#campaigns tr[data-id='phong-chay']"))
                .containsText("Chen ngang theo thời lượng mỗi giờ (180 giây/giờ)");
        Browser.screenshot(page, Screenshots.dir(), "board-campaigns");
        JsonObject stored = commune.admin.get("/api/v1/campaigns/phong-chay").json();
        assertThat(stored.getInteger("shareSeconds")).isEqualTo(180);
        assertThat(stored.getJsonArray("groups").getString(0)).isEqualTo("nhom-thon-dong");

        page.navigate("/#/reports");
        assertThat(page.locator("h2#rep-plays")).hasText("Trình chiếu trên bảng tin");
        var download = page.waitForDownload(() -> page.locator("button[data-export='proof-of-play-campaign-xlsx']").click());
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(download.createReadStream())) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Chiến dịch");
        }
        assertThat(browser.scriptErrors).allMatch(e -> e.startsWith("WebSocket connection to"));
    }

    @Test
    void aBoardWithALayoutShowsTheSnapshotsCompositionWithItsClockAndLunarDate() throws Exception {
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        String key = boardWithNotice(clerk, "bang-ubnd", "UBND xã Đông Hòa", "header-main-side-ticker");
        Page board = browser.open();
        board.navigate(server.baseUrl() + "/player/bang-ubnd?key=" + key);
        board.waitForFunction("() => document.getElementById('frame').dataset.key === document.body.dataset.shown "
                + "&& document.getElementById('frame').complete "
                + "&& document.getElementById('frame').naturalWidth === 1366");
        // The same minute's composition (a minute turning between the two changes only the clock's digits).
        showsTheSnapshot(board, clerk, "bang-ubnd");
        Browser.screenshot(board, Screenshots.dir(), "board-player-layout");
    }

    @Test
    void aTechnicianChoosesACustomLayoutInTheBoardsPageAndTheCampaignFormListsItToo() {
        customLayout("cot-anh-cho");
        commune.admin.post("/api/v1/boards", new JsonObject().put("id", "bang-chon").put("name", "Bảng tin nhà văn hóa")
                .put("zone", "thon-dong").put("kind", "LCD").put("width", 1920).put("height", 1080));
        Page admin = browser.signIn("quan-tri", Commune.PASSWORD);
        admin.navigate("/#/boards");
        admin.locator("tr", new Page.LocatorOptions().setHasText("Bảng tin nhà văn hóa"))
                .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Sửa")).click();
        // The picker lists the custom layout beside the templates (GET /api/v1/layouts), not the templates only.
        assertThat(admin.locator("#board-layout option[value='header-main-side-ticker']")).hasCount(1);
        admin.getByLabel("Bố cục").selectOption("cot-anh-cho");
        admin.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Lưu").setExact(true)).click();
        assertThat(admin.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("bang-chon");
        assertThat(commune.admin.get("/api/v1/boards/bang-chon").json().getString("layout")).isEqualTo("cot-anh-cho");

        admin.navigate("/#/campaigns");
        assertThat(admin.locator("#campaign-layout option[value='cot-anh-cho']")).hasText("Cột ảnh chợ (cot-anh-cho)");
        admin.locator("#campaign-layout").selectOption("cot-anh-cho");
        // The item may go to the layout's second playlist region.
        assertThat(admin.locator("#campaign-region option")).hasText(new String[] {"Vùng chính", "Vùng side"});
    }

    @Test
    void aSideColumnPlaysItsOwnItemBesideTheMainNoticeOnThePlayer() throws Exception {
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        String key = boardWithNotice(clerk, "bang-cot", "Bảng tin cổng xã", "header-main-gallery-ticker");
        // The clerk adds a page for the side column from the boards page, choosing its region.
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/boards");
        page.locator("#playlist-board").selectOption("bang-cot");
        assertThat(page.locator("#playlist-form[data-board='bang-cot'] #playlist-items tbody tr")).hasCount(1);
        page.locator("#playlist-title").fill("Chợ phiên Đông Hòa");
        page.locator("#playlist-body").fill("Sáng Chủ nhật, bến sông");
        page.locator("#playlist-seconds").fill("600");
        page.locator("#playlist-region").selectOption("side");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Lưu danh sách phát")).click();
        assertThat(page.locator("#playlist-items tbody tr")).hasCount(2);
        assertThat(page.locator("#playlist-region-1")).hasValue("side");
        JsonArray items = clerk.get("/api/v1/boards/bang-cot/playlist").json().getJsonArray("items");
        assertThat(items.getJsonObject(1).getString("region")).isEqualTo("side");
        assertThat(items.getJsonObject(0).containsKey("region")).isFalse();

        Page board = browser.open();
        board.navigate(server.baseUrl() + "/player/bang-cot?key=" + key);
        String side = items.getJsonObject(1).getString("id") + "/0";
        board.waitForFunction("side => { const f = document.getElementById('frame'); "
                + "const r = document.getElementById('region-side'); "
                + "return f.dataset.key === document.body.dataset.shown && f.complete && f.naturalWidth === 1366 "
                + "&& r && r.dataset.key === side && r.complete && r.naturalWidth > 0; }", side);
        assertThat(board.locator("body")).hasAttribute("data-shown", items.getJsonObject(0).getString("id") + "/0");
        assertThat(board.locator("#region-side")).hasAttribute("alt", "Chợ phiên Đông Hòa\nSáng Chủ nhật, bến sông");
        // Main notice and side page at the same instant, as the server composes them.
        showsTheSnapshot(board, clerk, "bang-cot");
        Browser.screenshot(board, Screenshots.dir(), "board-player-side-column");
        assertThat(browser.scriptErrors).allMatch(e -> e.startsWith("WebSocket connection to"));
    }

    /** A 1366×768 board of the layout playing the notice for ten minutes; its player's key. */
    private String boardWithNotice(Api clerk, String id, String name, String layout) {
        String key = commune.admin.post("/api/v1/boards", new JsonObject().put("id", id).put("name", name)
                .put("zone", "thon-dong").put("kind", "LCD").put("width", 1366).put("height", 768).put("layout", layout))
                .json().getString("playerKey");
        assertThat(clerk.put("/api/v1/boards/" + id + "/playlist", playlist(text(TITLE, BODY, 600))).status())
                .isEqualTo(200);
        return key;
    }

    /** A custom copy of the template with a side playlist column, titled "Cột ảnh chợ". */
    private void customLayout(String name) {
        JsonObject layout = commune.admin.get("/api/v1/layouts").array().stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("name").equals("header-main-gallery-ticker")).findFirst().orElseThrow().copy();
        layout.remove("custom");
        var reply = commune.admin.post("/api/v1/layouts", layout.put("name", name).put("title", "Cột ảnh chợ"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
}
