package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.Pictures;

/** A clerk adds a picture for the boards to a draft in a real browser, sees its thumbnail, and takes it off (ADR 0061). */
class NoticePicturesUiIT extends UiSuite {

    @Test
    void aClerkAddsAPictureToADraftSeesItsThumbnailIsToldOfACorruptOneAndTakesItOff() throws Exception {
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        long id = clerk.post("/api/v1/announcements", new JsonObject().put("title", "Đường ngập ở thôn Đông")
                .put("text", "Bà con tránh đoạn đường ngập trong bản đồ.").put("zones", new JsonArray().add("thon-dong")))
                .json().getLong("id");
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/notices/" + id);
        assertThat(page.locator("section.slides")).containsText("Chưa có ảnh");

        byte[] map = Pictures.solid(new Color(20, 140, 60), 160, 90, "png");
        page.getByLabel("Thêm ảnh").setInputFiles(new FilePayload("ban-do.png", "image/png", map));
        assertThat(page.locator("section.slides figcaption")).containsText("160 × 90");
        page.waitForFunction("() => { const i = document.querySelector('section.slides img'); "
                + "return i && i.complete && i.naturalWidth === 160; }");
        Browser.screenshot(page, Screenshots.dir(), "notice-pictures");

        page.getByLabel("Thêm ảnh").setInputFiles(new FilePayload("hong.png", "image/png",
                Arrays.copyOf(map, map.length / 2)));
        assertThat(page.locator("section.slides [aria-live]")).containsText("hỏng");
        assertThat(page.locator("section.slides li")).hasCount(1);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Bỏ ảnh")).click();
        assertThat(page.locator("section.slides")).containsText("Chưa có ảnh");
        assertThat(page.locator("section.slides li")).hasCount(0);
    }
}
