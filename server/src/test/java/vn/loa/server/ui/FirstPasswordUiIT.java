package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.TestServer;

/**
 * The first sign-in with the password Loa generated at installation, in Debian's chromium (issue 22): the page asks
 * for a password of the admin's own before anything else, explains a mismatch and a weak one, then opens the
 * dashboard.
 */
class FirstPasswordUiIT {

    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("admin.password", ""));
        browser = new Browser(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    private static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    void theAdminReplacesTheGeneratedPasswordBeforeAnythingElse() {
        String generated = server.loa().generatedAdminPassword().orElseThrow();
        Page page = browser.open();
        page.navigate("/#/signin");
        page.getByLabel("Tên đăng nhập").fill("admin");
        page.getByLabel("Mật khẩu").fill(generated);
        press(page, "Đăng nhập");
        page.locator("h1", new Page.LocatorOptions().setHasText("Đổi mật khẩu lần đầu")).waitFor();
        assertThat(page.locator("#nav li")).hasCount(0);

        page.getByLabel("Mật khẩu hiện tại").fill(generated);
        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("Loa-xa-An-Binh-2026");
        page.getByLabel("Nhập lại mật khẩu mới").fill("Loa-xa-An-Binh-2062");
        press(page, "Đổi mật khẩu");
        assertThat(page.locator("[data-error-for='again']")).containsText("không giống nhau");

        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("12345678");
        page.getByLabel("Nhập lại mật khẩu mới").fill("12345678");
        press(page, "Đổi mật khẩu");
        assertThat(page.locator("[data-error-for='newPassword']")).not().isEmpty();

        page.getByLabel("Mật khẩu mới", new Page.GetByLabelOptions().setExact(true)).fill("Loa-xa-An-Binh-2026");
        page.getByLabel("Nhập lại mật khẩu mới").fill("Loa-xa-An-Binh-2026");
        press(page, "Đổi mật khẩu");
        page.locator("h1", new Page.LocatorOptions().setHasText("Tổng quan")).waitFor();

        Page again = browser.open();
        Browser.signIn(again, "admin", "Loa-xa-An-Binh-2026");
        assertThat(again.locator("h1")).hasText("Tổng quan");
    }
}
