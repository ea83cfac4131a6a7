package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/**
 * The "Buổi phát" page (issue 21, ADR 0053) as a clerk uses it in chromium: a template made with the form appears in
 * the list, the day's grid shows its session filled with the time signal and the approved notice before it airs, and
 * the same grid says it aired once it has gone to the IP speaker in Thôn Đông.
 */
class SessionsPageIT extends UiSuite {

    /** An IP speaker in Thôn Đông (nothing listens at its port: the session airs to it all the same). */
    @BeforeAll
    static void speaker() {
        Commune.created(commune.admin.post("/api/v1/nodes", new JsonObject().put("id", "loa-ip-dong")
                .put("name", "Loa IP Đông").put("zone", "thon-dong").put("kind", "rtp").put("address", "127.0.0.1:40999")));
    }

    @Test
    void aClerkMakesATemplateSeesItsSessionFilledAndThenAired() {
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        Api approver = Api.signIn(server.baseUrl(), "chu-tich", Commune.PASSWORD);
        long notice = Commune.created(clerk.post("/api/v1/announcements", new JsonObject()
                .put("title", "Họp tổ dân phố").put("text", "Kính mời bà con dự họp tổ dân phố tối nay.")
                .put("chime", false).put("zones", new JsonArray().add("thon-dong")))).json().getLong("id");
        clerk.post("/api/v1/announcements/" + notice + "/submit", null);
        approver.post("/api/v1/announcements/" + notice + "/approve", null);
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assumeTrue(now.isBefore(LocalTime.of(23, 57)), "a session does not span midnight");
        LocalTime start = now.plusSeconds(25).truncatedTo(ChronoUnit.SECONDS);

        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/sessions");
        page.getByLabel("Tên buổi phát").fill("Buổi sáng thử");
        page.getByLabel("Mã khu vực").fill("thon-dong");
        page.getByLabel("Giờ bắt đầu").fill(start.toString());
        page.getByLabel("Giờ kết thúc", new Page.GetByLabelOptions().setExact(true))
                .fill(start.plusSeconds(40).toString());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lưu mẫu")).click();

        assertThat(page.locator("table.templates")).containsText("Buổi sáng thử");
        Locator session = page.locator(".sessions section.card", new Page.LocatorOptions().setHasText("Buổi sáng thử"));
        assertThat(session).containsText("Sắp phát");
        Locator rows = session.locator("table.run-order tbody tr");
        assertThat(rows.first()).containsText("Báo giờ");
        assertThat(rows.first()).containsText("Bây giờ là");
        assertThat(rows.first()).containsText(start.toString());
        assertThat(session.locator("table.run-order tbody tr", new Locator.LocatorOptions().setHasText("Thông báo")))
                .containsText("Họp tổ dân phố");

        // After it airs the grid, opened again, says so; the notice itself is DONE.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() -> "DONE".equals(
                clerk.get("/api/v1/announcements/" + notice).json().getString("state")));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            page.navigate("/#/");
            page.navigate("/#/sessions");
            return page.locator(".sessions section.card", new Page.LocatorOptions().setHasText("Buổi sáng thử"))
                    .locator("p.meta").textContent().contains("Đã phát");
        });
        assertThat(browser.scriptErrors).isEmpty();
    }
}
