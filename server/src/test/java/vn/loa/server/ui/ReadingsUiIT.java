package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** On the compose page a clerk sees why each token is read so, and an admin sets the unit's own readings. */
class ReadingsUiIT extends UiSuite {

    @Test
    void theClerkSeesEachTokensClassAndTheAdminsOwnReadingIsAppliedFirst() {
        Page page = browser.signIn("quan-tri", Commune.PASSWORD);
        page.navigate("/#/compose");
        page.getByLabel("Nội dung thông báo").fill("Nghỉ lễ ngày 30-4, phơi thóc 4-6 ngày.");
        assertThat(page.locator(".tokens li[data-kind=date]")).containsText("30-4 → ba mươi tháng tư (ngày tháng)");
        assertThat(page.locator(".tokens li[data-kind=range]")).containsText("4-6 → bốn đến sáu (khoảng)");

        // "Sửa cách đọc" beside a token opens the unit's readings on a new row holding it, to correct.
        page.locator(".tokens li[data-kind=date] button").click();
        assertThat(page.getByLabel("Chữ viết").last()).hasValue("30-4");
        assertThat(page.getByLabel("Cách đọc").last()).hasValue("ba mươi tháng tư");
        assertThat(page.getByLabel("Cách đọc").last()).isFocused();
        FormsIT.press(page, "Xóa");

        FormsIT.press(page, "Thêm mục");
        page.getByLabel("Chữ viết").last().fill("Tổ #");
        page.getByLabel("Cách đọc").last().fill("tổ dân phố #");
        FormsIT.press(page, "Lưu cách đọc");
        assertThat(page.locator(".unit-readings .field-error")).hasText("Đã lưu.");
        // each entry is heard before a notice uses it: its reading with a number for "#", as text and as audio
        assertThat(page.getByLabel("Chữ viết").last()).hasValue("Tổ #");
        page.locator(".unit-readings button.listen").last().click();
        assertThat(page.locator(".unit-readings output.entry-preview").last()).hasText("Tổ dân phố ba.");
        assertThat(page.locator(".unit-readings audio.preview").last()).hasAttribute("src",
                java.util.regex.Pattern.compile("^blob:"));

        page.getByLabel("Nội dung thông báo").fill("Tổ 5 họp lúc 19h.");
        assertThat(page.locator("output.reading")).containsText("Tổ dân phố năm họp lúc mười chín giờ.");
        assertThat(page.locator(".tokens li[data-kind=override]")).containsText("Tổ 5 → Tổ dân phố năm (cách đọc riêng)");
        // a number people must write down, said twice because the clerk asked: the page says why
        page.getByLabel("Nội dung thông báo").fill("Gọi [nhắc lại 0912 345 678] khi cần.");
        assertThat(page.locator("output.reading")).containsText("Gọi không chín một hai, ba bốn năm, sáu bảy tám, "
                + "xin nhắc lại không chín một hai, ba bốn năm, sáu bảy tám khi cần.");
        assertThat(page.locator(".tokens li[data-kind=override]")).containsText("[nhắc lại 0912 345 678] →");
        assertThat(browser.scriptErrors).isEmpty();
    }
}
