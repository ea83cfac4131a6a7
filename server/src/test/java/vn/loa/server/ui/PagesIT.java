package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/**
 * Every page opens without a script error at 1366×768 and on a phone, shows no trace, and is photographed for the
 * documentation; the reports count an aired notice and an online agent and export them as CSV and XLSX.
 */
class PagesIT extends UiSuite {

    static long aired;
    static final java.time.OffsetDateTime SOON = java.time.OffsetDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"))
            .withSecond(0).withNano(0);

    @BeforeAll
    static void airOneNotice() throws Exception {
        commune.startAgent();
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        Api approver = Api.signIn(server.baseUrl(), "chu-tich", Commune.PASSWORD);
        aired = Commune.created(clerk.post("/api/v1/announcements", new JsonObject().put("title", "Lịch tiêm phòng")
                .put("text", "Ngày 5/12 tiêm phòng cho gia súc tại nhà văn hóa thôn.").put("chime", false)
                .put("zones", new JsonArray().add("thon-dong")))).json().getLong("id");
        clerk.post("/api/v1/announcements/" + aired + "/submit", null);
        approver.post("/api/v1/announcements/" + aired + "/approve", null);
        approver.post("/api/v1/announcements/" + aired + "/broadcast", null);
        await().alias("aired within a minute").atMost(Duration.ofMinutes(1))
                .until(() -> "DONE".equals(clerk.get("/api/v1/announcements/" + aired).json().getString("state")));
        Commune.created(clerk.post("/api/v1/announcements", new JsonObject().put("title", "Thu gom rác thải")
                .put("text", "Sáng thứ Bảy, 7 giờ, thu gom rác tại các trục đường chính.")
                .put("zones", new JsonArray().add("thon-tay"))));
        // Two notices for Thôn Đông two minutes apart, in an hour: the programme grid marks them as clashing.
        for (int minutes : new int[] {60, 62}) {
            long id = Commune.created(clerk.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Họp tổ " + minutes).put("text", "Họp tổ dân phố.").put("zones", new JsonArray().add("thon-dong"))
                    .put("schedule", new JsonObject().put("at", SOON.plusMinutes(minutes).toString())))).json().getLong("id");
            clerk.post("/api/v1/announcements/" + id + "/submit", null);
            approver.post("/api/v1/announcements/" + id + "/approve", null);
            var scheduled = approver.post("/api/v1/announcements/" + id + "/broadcast", null);
            assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        }
        Api tech = Api.signIn(server.baseUrl(), "ky-thuat", Commune.PASSWORD);
        Commune.created(tech.post("/api/v1/boards", new JsonObject().put("id", "bang-uy-ban").put("name", "Bảng tin UBND xã")
                .put("zone", "xa-an-binh").put("kind", "LCD").put("width", 1920).put("height", 1080)));
    }

    private static void visit(Page page, String hash, String heading, String shot) throws Exception {
        page.navigate("/" + hash);
        assertThat(page.locator("h1")).hasText(heading);
        page.waitForLoadState();
        assertThat(page.locator("main")).not().containsText("Exception");
        assertThat(page.locator(".form-alert")).hasCount(0);
        Browser.screenshot(page, Screenshots.dir(), shot);
    }

    @Test
    void everyPageOpensCleanlyOnAnOfficeScreenAndOnAPhone() throws Exception {
        Page signIn = browser.open();
        visit(signIn, "#/signin", "Đăng nhập", "signin");
        Page admin = browser.signIn("quan-tri", Commune.PASSWORD);
        visit(admin, "#/", "Tổng quan", "dashboard");
        assertThat(admin.locator(".node.online, .node.playing")).containsText("Loa chợ Đông");
        assertThat(admin.locator("svg.node-map circle[data-name='Loa chợ Đông']")).hasCount(1);
        assertThat(admin.locator("figure.map figcaption li")).containsText("Loa chợ Đông");
        visit(admin, "#/notices", "Thông báo", "notices");
        visit(admin, "#/notices/" + aired, "Thông báo", "notice");
        visit(admin, "#/approvals", "Chờ duyệt", "approvals-queue");
        admin.navigate("/#/programme");
        if (SOON.plusMinutes(62).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                != SOON.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tuần sau ›")).click();
        }
        assertThat(admin.locator(".slot.clash")).hasCount(2);
        Browser.screenshot(admin, Screenshots.dir(), "programme");
        // Moved with the keyboard alternative to dragging: a past time is refused in Vietnamese, a later one moves it.
        var later = admin.locator(".slot", new Page.LocatorOptions().setHasText("Họp tổ 62"));
        later.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Dời giờ")).click();
        var minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
        later.getByLabel("Giờ phát mới").fill(SOON.minusHours(1).format(minute));
        later.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Lưu giờ mới")).click();
        assertThat(admin.locator(".move-error")).containsText("Không dời được: Giờ phát mới đã qua");
        later.getByLabel("Giờ phát mới").fill(SOON.plusMinutes(72).format(minute));
        later.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Lưu giờ mới")).click();
        assertThat(later.locator("strong")).hasText(SOON.plusMinutes(72).format(java.time.format.DateTimeFormatter.ofPattern("HH:mm")));
        assertThat(admin.locator(".slot.clash")).hasCount(0);
        visit(admin, "#/nodes", "Cụm loa", "nodes");
        // The technician sees how the audio reaches each loudspeaker: the agent's UDP path, where its keepalives come from.
        assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText("Loa chợ Đông"))).containsText("UDP · 127.0.0.1:");
        // ...the data it is sent an hour, and a filter for agents online that receive no audio: this one does.
        assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText("Loa chợ Đông"))).containsText("MB/giờ");
        admin.getByLabel("Chỉ loa kết nối nhưng không nhận âm thanh").check();
        assertThat(admin.locator("tr", new Page.LocatorOptions().setHasText("Loa chợ Đông"))).hasCount(0);
        admin.getByLabel("Chỉ loa kết nối nhưng không nhận âm thanh").uncheck();
        // ...and each zone stream's path, stage by stage, from source to the speakers.
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Đường phát theo khu vực")))
                .isVisible();
        assertThat(admin.locator("table.pipeline").first()).containsText("Gửi tới loa");
        admin.navigate("/#/boards");
        // The board's live snapshot, rendered by the server, is shown in its row.
        admin.waitForFunction("() => { const i = document.querySelector('img.snapshot'); return i && i.complete && i.naturalWidth > 0; }");
        visit(admin, "#/boards", "Bảng tin", "boards");
        admin.waitForFunction("() => { const i = document.querySelector('img.snapshot'); return i && i.complete && i.naturalWidth > 0; }");
        Browser.screenshot(admin, Screenshots.dir(), "boards");
        visit(admin, "#/reports", "Báo cáo", "reports");
        visit(admin, "#/audit", "Nhật ký", "audit");
        admin.getByLabel("Người thực hiện").fill("chu-tich");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lọc")).click();
        assertThat(admin.locator("table.audit tbody tr").first()).containsText("chu-tich");
        assertThat(admin.locator("table.audit tbody tr", new Page.LocatorOptions().setHasText("can-bo"))).hasCount(0);
        visit(admin, "#/users", "Người dùng", "users");
        assertThat(admin.locator("section", new Page.LocatorOptions().setHasText("Chính sách bảo mật của đơn vị")))
                .containsText("Đang theo mặc định của Loa.");
        visit(admin, "#/security", "Bảo mật tài khoản", "security");

        Page phone = browser.open(true);
        Browser.signIn(phone, "can-bo", Commune.PASSWORD);
        visit(phone, "#/", "Tổng quan", "phone-dashboard");
        visit(phone, "#/compose", "Soạn thông báo", "phone-compose");
        assertThat(phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1")).isEqualTo(true);
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void aSignedInClerkStaysSignedInOnReloadButAClosedBrowserForgetsTheSession() {
        Page clerk = browser.signIn("can-bo", Commune.PASSWORD);
        clerk.navigate("/#/notices");
        clerk.reload();
        assertThat(clerk.locator("h1")).hasText("Thông báo");
        assertThat(clerk.evaluate("() => localStorage.getItem('loa.session')")).isNull();

        // A shared office computer: the next person to open the browser must sign in.
        Page next = browser.reopened(clerk);
        next.navigate("/#/notices");
        assertThat(next.locator("h1")).hasText("Đăng nhập");
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void signingOutEndsTheSessionOnTheServerNotOnlyInTheTab() {
        Page clerk = browser.signIn("can-bo", Commune.PASSWORD);
        String token = (String) clerk.evaluate("() => JSON.parse(sessionStorage.getItem('loa.session')).token");
        assertThat(new Api(server.baseUrl(), token).get("/api/v1/users/me").status()).isEqualTo(200);

        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();

        assertThat(clerk.locator("h1")).hasText("Đăng nhập");
        var copied = new Api(server.baseUrl(), token).get("/api/v1/users/me");
        assertThat(copied.status()).as("a copy of the token, kept by someone else").isEqualTo(401);
        assertThat(copied.json().getString("error")).isEqualTo("session_ended");
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void aClerkWhoseAccountIsLockedIsToldWhyOnTheSignInPage() {
        Commune.created(commune.admin.post("/api/v1/users", new JsonObject().put("username", "tam-thoi")
                .put("role", "clerk").put("unit", "xa-an-binh").put("password", Commune.PASSWORD)));
        Page clerk = browser.signIn("tam-thoi", Commune.PASSWORD);

        commune.admin.put("/api/v1/users/tam-thoi", new JsonObject().put("enabled", false));
        clerk.navigate("/#/notices");

        assertThat(clerk.locator("h1")).hasText("Đăng nhập");
        assertThat(clerk.getByRole(AriaRole.ALERT)).containsText("Tài khoản đã bị khóa");
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void anAdminEndsAClerksSessionFromTheUsersPage() {
        Commune.created(commune.admin.post("/api/v1/users", new JsonObject().put("username", "phien-thu")
                .put("role", "clerk").put("unit", "xa-an-binh").put("password", Commune.PASSWORD)));
        Api clerk = Api.signIn(server.baseUrl(), "phien-thu", Commune.PASSWORD);
        Page admin = browser.signIn("quan-tri", Commune.PASSWORD);
        admin.navigate("/#/users");

        admin.locator("tr[data-session='phien-thu']").getByRole(AriaRole.BUTTON).click();

        assertThat(admin.locator("tr[data-session='phien-thu']")).hasCount(0);
        assertThat(clerk.get("/api/v1/users/me").json().getString("error")).isEqualTo("session_ended");
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Phiên đăng nhập đang mở")))
                .isVisible();
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void pageModulesAreCheckedAgainAfterAnUpgradeNotKeptForADay() {
        var reply = new Api(server.baseUrl(), null).get("/js/app.js");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=0"));
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("javascript"));
    }

    @Test
    void reportsCountTheAiredNoticeAndTheOnlineAgentAndExportThemAsSpreadsheets() throws Exception {
        Page admin = browser.signIn("quan-tri", Commune.PASSWORD);
        admin.navigate("/#/reports");
        assertThat(admin.locator("#rep-broadcasts + p")).containsText("Tổng cộng 1 bản tin đã phát.");
        assertThat(admin.locator("table.availability")).containsText("Loa chợ Đông");
        assertThat(admin.locator("svg.chart rect title").first()).containsText("Đã phát xong 1");

        Download csv = admin.waitForDownload(() -> admin.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Tải CSV")).first().click());
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        String today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        assertThat(text).startsWith("\uFEFFNgày,Đã phát,Lỗi,Đã hủy\r\n").contains(today + ",1,0,0");

        // The availability report's own button: the page also offers the boards' proof of play and the log as XLSX.
        Download xlsx = admin.waitForDownload(() -> admin.locator("button[data-export='availability-xlsx']").click());
        assertThat(xlsx.suggestedFilename()).isEqualTo("availability-7.xlsx");
        try (ZipFile zip = new ZipFile(xlsx.path().toFile())) {
            // The cells' text as a spreadsheet reads it (the file escapes Vietnamese letters as XML references).
            var strings = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(zip.getInputStream(zip.getEntry("xl/sharedStrings.xml"))).getDocumentElement().getTextContent();
            assertThat(strings).contains("Tỷ lệ sẵn sàng (%)").contains("Loa chợ Đông");
            assertThat(zip.getEntry("xl/worksheets/sheet1.xml")).isNotNull();
        }

        // The broadcast log (issue 21): the aired notice listed, and its page to file as a PDF.
        assertThat(admin.locator("table.log")).containsText("Đã phát");
        Download log = admin.waitForDownload(() -> admin.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Bản PDF để in, ký")).first().click());
        assertThat(log.suggestedFilename()).startsWith("so-nhat-ky-").endsWith(".pdf");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(log.path().toFile())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf))
                    .contains("SỔ NHẬT KÝ PHÁT THANH", "UBND XÃ AN BÌNH", "NGƯỜI LẬP SỔ");
        }
    }
}
