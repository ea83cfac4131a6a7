package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clerk's whole journey in a real browser: compose with a date and a phone number, see Loa's reading, listen,
 * send for approval; the approver approves and broadcasts; a real node agent records it; the page shows it delivered.
 */
class NoticeJourneyIT extends UiSuite {

    @BeforeAll
    static void startAgent() throws Exception {
        commune.startAgent();
    }

    @Test
    void clerkComposesApproverApprovesAndTheDeliveryViewShowsTheNoticePlayedAtTheNode() throws Exception {
        Page clerk = browser.signIn("can-bo", Commune.PASSWORD);
        clerk.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Soạn thông báo")).click();
        clerk.getByLabel("Tiêu đề").fill("Họp dân thôn Đông");
        clerk.getByLabel("Nội dung thông báo").fill(
                "Kính mời bà con dự họp lúc 7h30 ngày 28/11/2026. Mọi thắc mắc xin gọi 0912 345 678.");

        // The reading beside the text: the date and the phone number in words, as Loa will speak them.
        assertThat(clerk.locator("output.reading")).containsText("ngày hai mươi tám tháng mười một");
        assertThat(clerk.locator("output.reading")).containsText("không chín một hai");
        assertThat(clerk.locator("output.reading")).not().containsText("0912");

        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Nghe thử")).click();
        clerk.waitForFunction("() => document.querySelector('audio.preview').duration > 2");
        assertThat(clerk.locator("audio.preview")).hasAttribute("data-type", "audio/wav");

        clerk.getByLabel("Thôn Đông").check();
        clerk.getByLabel("Nhạc hiệu trước khi đọc").uncheck();
        Browser.screenshot(clerk, Screenshots.dir(), "compose");
        clerk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Gửi duyệt")).click();
        assertThat(clerk.locator(".notice h2 .badge")).hasText("Chờ duyệt");

        Page approver = browser.signIn("chu-tich", Commune.PASSWORD);
        approver.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Chờ duyệt")).click();
        var card = approver.locator("form.approval", new Page.LocatorOptions().setHasText("Họp dân thôn Đông"));
        assertThat(card.locator(".notice-text")).containsText("0912 345 678");
        card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Nghe thử")).click();
        approver.waitForFunction("() => document.querySelector('form.approval audio.preview').duration > 2");
        Browser.screenshot(approver, Screenshots.dir(), "approvals");
        card.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Duyệt").setExact(true)).click();
        assertThat(approver.locator(".notice h2 .badge")).hasText("Đã duyệt");

        // From here the page is not reloaded: the delivery per node arrives as server-sent events.
        approver.evaluate("() => { window.samePage = true; }");
        approver.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phát").setExact(true)).click();
        approver.locator(".notice h2 .badge.state-on_air, .notice h2 .badge.state-done").waitFor();
        Browser.screenshot(approver, Screenshots.dir(), "broadcast-live");
        var delivered = approver.locator("table.deliveries tr[data-node='loa-cho'][data-state='PLAYED']");
        assertThat(delivered).containsText("Đã phát tới loa", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(90_000));
        assertThat(approver.locator(".notice h2 .badge")).hasText("Đã phát xong");
        assertThat(approver.locator(".progress-line")).containsText("1/1 cụm loa đã nhận");
        assertThat(delivered.locator("th")).hasText("Loa chợ Đông");
        assertThat(approver.evaluate("() => window.samePage")).isEqualTo(true);
        Browser.screenshot(approver, Screenshots.dir(), "broadcast-done");

        try (var files = Files.list(commune.recordings)) {
            Path wav = files.filter(f -> f.toString().endsWith(".wav")).findFirst().orElseThrow();
            assertThat(Files.size(wav)).as("seconds of speech recorded at the node").isGreaterThan(3 * 16_000L);
        }
        assertThat(browser.scriptErrors).isEmpty();
    }
}
