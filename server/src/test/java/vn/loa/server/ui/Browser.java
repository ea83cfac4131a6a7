package vn.loa.server.ui;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's headless chromium driven by Playwright (no browser download): one browser per test class, one context per
 * signed-in person, each page recording the errors its scripts raise so tests can assert there were none.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final String base;
    final List<String> scriptErrors = new ArrayList<>();

    Browser(String base) throws Exception {
        this.base = base;
        this.playwright = Playwright.create();
        this.chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--autoplay-policy=no-user-gesture-required")));
    }

    /** A fresh page of a new person (own storage) at the office screen size, or a phone's. */
    Page open(boolean phone) {
        return open(phone, null);
    }

    /**
     * The person of {@code page} after closing the browser and opening it again: a new context holding what a browser
     * keeps on disk (cookies and localStorage), not what its tabs kept (sessionStorage).
     */
    Page reopened(Page page) {
        return open(false, page.context().storageState());
    }

    private Page open(boolean phone, String storageState) {
        BrowserContext context = chromium.newContext(new NewContextOptions()
                .setViewportSize(phone ? 390 : 1366, phone ? 844 : 768)
                .setDeviceScaleFactor(1)
                .setIsMobile(phone)
                .setHasTouch(phone)
                .setLocale("vi-VN")
                .setTimezoneId("Asia/Ho_Chi_Minh")
                .setStorageState(storageState)
                .setBaseURL(base));
        context.setDefaultTimeout(30_000);
        // Assertions wait as long as actions: on a loaded 2-core CI machine a pushed change can take over the 5 s
        // default to reach the page (seen once with the board player's playlist switch).
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        Page page = context.newPage();
        page.onPageError(error -> scriptErrors.add(error));
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().contains("Failed to load resource")) {
                scriptErrors.add(m.text());
            }
        });
        return page;
    }

    Page open() {
        return open(false);
    }

    /** Signs in through the sign-in form, as a clerk would, and waits for the dashboard. */
    Page signIn(String username, String password) {
        Page page = open();
        signIn(page, username, password);
        return page;
    }

    static void signIn(Page page, String username, String password) {
        page.navigate("/#/signin");
        page.getByLabel("Tên đăng nhập").fill(username);
        page.getByLabel("Mật khẩu").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Đăng nhập")).click();
        page.locator("h1", new Page.LocatorOptions().setHasText("Tổng quan")).waitFor();
    }

    /** Saves what the page shows to {@code dir/name.png} (full page). */
    static void screenshot(Page page, Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
