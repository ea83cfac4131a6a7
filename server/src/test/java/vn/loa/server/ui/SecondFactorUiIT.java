package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.MovableClock;
import vn.loa.server.testing.PhoneApp;
import vn.loa.server.testing.TestServer;

/**
 * Two-step verification in the web UI (issue 22, ADR 0024), in Debian's chromium: a leader turns it on by scanning the
 * QR code the page shows (the test's {@link PhoneApp} reads the image and computes the codes), signs in again with a
 * code, and, a quarter of an hour later, is asked for a code in a dialog before an emergency is saved, which then goes
 * through. The server's clock is one the test moves.
 */
class SecondFactorUiIT {

    private static final MovableClock CLOCK = new MovableClock(Instant.now());
    private static TestServer server;
    private static Commune commune;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of(), CLOCK);
        commune = new Commune(server);
        browser = new Browser(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        browser.close();
        commune.close();
        server.close();
    }

    private static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    private static void waitForHeading(Page page, String heading) {
        page.locator("h1", new Page.LocatorOptions().setHasText(heading)).waitFor();
    }

    @Test
    void aLeaderEnrolsSignsInWithACodeAndStepsUpBeforeAnEmergency() throws Exception {
        Page page = browser.signIn("chu-tich", Commune.PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bảo mật")).click();
        waitForHeading(page, "Bảo mật tài khoản");
        press(page, "Bật xác thực hai bước");
        assertThat(page.getByAltText("Mã QR để thêm tài khoản Loa vào ứng dụng xác thực")).isVisible();
        assertThat(page.locator(".totp-key")).hasText(java.util.regex.Pattern.compile("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$"));
        Browser.screenshot(page, Screenshots.dir(), "totp-enrol");
        PhoneApp app = PhoneApp.scan(page.locator("img.qr").getAttribute("src"), CLOCK);
        assertThat(app.uri()).contains("chu-tich");

        page.getByLabel("Mã xác thực").fill("000000".equals(app.code()) ? "111111" : "000000");
        press(page, "Hoàn tất đăng ký");
        assertThat(page.locator("[data-error-for='code']")).containsText("Mã xác thực không đúng");
        page.getByLabel("Mã xác thực").fill(app.code());
        press(page, "Hoàn tất đăng ký");
        assertThat(page.locator(".recovery-codes li")).hasCount(10);
        Browser.screenshot(page, Screenshots.dir(), "totp-recovery-codes");
        press(page, "Tôi đã lưu các mã này");
        waitForHeading(page, "Tổng quan");

        // Signed out and in again: the password alone opens the second step, nothing else.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Đăng xuất")).click();
        page.getByLabel("Tên đăng nhập").fill("chu-tich");
        page.getByLabel("Mật khẩu").fill(Commune.PASSWORD);
        press(page, "Đăng nhập");
        waitForHeading(page, "Xác thực hai bước");
        assertThat(page.locator("#nav a")).hasCount(0);
        page.getByLabel("Mã xác thực").fill(app.nextCode());
        press(page, "Xác nhận");
        waitForHeading(page, "Tổng quan");

        // A quarter of an hour on, an emergency asks for a fresh code, then is saved as typed.
        CLOCK.advance(Duration.ofMinutes(16));
        page.navigate("/#/compose");
        page.getByLabel("Tiêu đề").fill("Bão số 5 đổ bộ");
        page.getByLabel("Nội dung thông báo").fill("Bà con thôn Đông chằng chống nhà cửa, không ra biển.");
        page.getByLabel("Thôn Đông").check();
        page.getByLabel("Mức ưu tiên").selectOption("EMERGENCY");
        press(page, "Gửi duyệt");
        Page dialogPage = page;
        assertThat(dialogPage.locator("dialog.stepup")).isVisible();
        assertThat(dialogPage.locator("dialog.stepup")).containsText("phát tin khẩn cấp");
        Browser.screenshot(page, Screenshots.dir(), "totp-step-up");
        dialogPage.locator("dialog.stepup").getByLabel("Mã xác thực").fill(app.code());
        press(page, "Xác nhận và tiếp tục");
        assertThat(page.locator(".notice > h2")).containsText("Bão số 5 đổ bộ");
        assertThat(page.locator(".notice h2 .badge")).hasText("Đã duyệt");

        var audit = commune.admin.get("/api/v1/audit?target=user:chu-tich&limit=100").array().stream()
                .map(o -> ((io.vertx.core.json.JsonObject) o).getString("action")).toList();
        assertThat(audit).contains("auth.totp_enrolled", "auth.totp_failed", "auth.totp_verified", "auth.step_up");
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void aVillageThatRequiresItSendsItsLeaderToEnrolRightAfterThePassword() throws Exception {
        Page admin = browser.signIn("quan-tri", Commune.PASSWORD);
        admin.navigate("/#/users");
        var policy = admin.locator("section", new Page.LocatorOptions().setHasText("Chính sách bảo mật của đơn vị"));
        policy.getByLabel("Đơn vị").selectOption("thon-tay");
        assertThat(policy).containsText("Đang theo mặc định của Loa.");
        policy.getByLabel("Bắt buộc lãnh đạo").check();
        policy.getByLabel("Quy tắc bốn mắt").selectOption("all");
        policy.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Lưu chính sách")).click();
        assertThat(policy).containsText("Đã lưu chính sách.");
        assertThat(policy).containsText("Đang theo cài đặt của: Thôn Tây.");
        Browser.screenshot(admin, Screenshots.dir(), "unit-policy");
        Commune.created(commune.admin.post("/api/v1/users", new io.vertx.core.json.JsonObject()
                .put("username", "truong-thon").put("role", "approver").put("unit", "thon-tay")
                .put("password", Commune.PASSWORD).put("displayName", "Trưởng thôn Tây")));

        Page leader = browser.open();
        leader.navigate("/#/signin");
        leader.getByLabel("Tên đăng nhập").fill("truong-thon");
        leader.getByLabel("Mật khẩu").fill(Commune.PASSWORD);
        press(leader, "Đăng nhập");
        waitForHeading(leader, "Xác thực hai bước");
        assertThat(leader.locator("main")).containsText("Đơn vị yêu cầu lãnh đạo dùng xác thực hai bước");
        PhoneApp app = PhoneApp.scan(leader.locator("img.qr").getAttribute("src"), CLOCK);
        leader.getByLabel("Mã xác thực").fill(app.code());
        press(leader, "Hoàn tất đăng ký");
        press(leader, "Tôi đã lưu các mã này");
        waitForHeading(leader, "Tổng quan");
        assertThat(leader.locator("#nav")).containsText("Chờ duyệt");
        assertThat(browser.scriptErrors).isEmpty();
    }
}
