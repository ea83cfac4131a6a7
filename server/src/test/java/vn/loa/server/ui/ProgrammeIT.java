package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/**
 * The programme grid's drag to move, as a clerk does it with a mouse and with a finger: the notice lands in the day it
 * was dropped on at the same time of day, and a drop onto another notice's time is refused in Vietnamese, moving nothing.
 */
class ProgrammeIT extends UiSuite {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static Api clerk;
    static Api approver;

    @BeforeAll
    static void signIn() {
        clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        approver = Api.signIn(server.baseUrl(), "chu-tich", Commune.PASSWORD);
    }

    /** An approved notice for Thôn Đông at {@code at}, broadcast: it waits in SCHEDULED. */
    static long scheduled(String title, ZonedDateTime at) {
        long id = Commune.created(clerk.post("/api/v1/announcements", new JsonObject()
                .put("title", title).put("text", "Kính mời bà con đến dự.").put("chime", false)
                .put("zones", new JsonArray().add("thon-dong"))
                .put("schedule", new JsonObject().put("at", at.toOffsetDateTime().toString()))))
                .json().getLong("id");
        clerk.post("/api/v1/announcements/" + id + "/submit", null);
        approver.post("/api/v1/announcements/" + id + "/approve", null);
        var broadcast = approver.post("/api/v1/announcements/" + id + "/broadcast", null);
        assertThat(broadcast.status()).as(broadcast.toString()).isEqualTo(200);
        return id;
    }

    static ZonedDateTime storedTime(long id) {
        return OffsetDateTime.parse(clerk.get("/api/v1/announcements/" + id).json().getJsonObject("schedule")
                .getString("at")).atZoneSameInstant(VIETNAM);
    }

    static LocalDate nextWeek(DayOfWeek day) {
        return LocalDate.now(VIETNAM).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).with(TemporalAdjusters.nextOrSame(day));
    }

    /** The clerk's programme grid showing the week of {@code day}. */
    static void openWeekOf(Page page, LocalDate day) {
        page.navigate("/#/programme");
        assertThat(page.locator(".week-grid .day")).hasCount(7);
        LocalDate monday = LocalDate.now(VIETNAM).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (long weeks = ChronoUnit.WEEKS.between(monday, day); weeks > 0; weeks--) {
            String first = page.locator(".week-grid .day").first().getAttribute("data-day");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tuần sau ›")).click();
            assertThat(page.locator(".week-grid .day").first()).not().hasAttribute("data-day", first);
        }
    }

    static Locator day(Page page, LocalDate date) {
        return page.locator(".week-grid .day[data-day='" + date + "']");
    }

    static Locator slot(Page page, LocalDate date, String title) {
        return day(page, date).locator(".slot", new Locator.LocatorOptions().setHasText(title));
    }

    static double[] middle(Locator locator) {
        BoundingBox box = locator.boundingBox();
        return new double[] {box.x + box.width / 2, box.y + box.height / 2};
    }

    /** Presses the mouse on {@code from}, moves it in steps onto {@code to} and lets go, as a hand does. */
    static void drag(Page page, Locator from, Locator to) {
        drag(page, from, to, () -> { });
    }

    /** The same, doing {@code meanwhile} while the item is held over {@code to}. */
    static void drag(Page page, Locator from, Locator to, Runnable meanwhile) {
        double[] a = middle(from);
        page.mouse().move(a[0], a[1]);
        page.mouse().down();
        double[] b = middle(to);
        page.mouse().move(b[0], b[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
        meanwhile.run();
        page.mouse().up();
    }

    @Test
    void aClerkDragsANoticeOntoAnotherDayAndItAirsThenAtTheSameTimeOfDay() {
        LocalDate tuesday = nextWeek(DayOfWeek.TUESDAY);
        LocalDate thursday = nextWeek(DayOfWeek.THURSDAY);
        ZonedDateTime planned = tuesday.atTime(LocalTime.of(9, 30)).atZone(VIETNAM);
        long id = scheduled("Họp chi bộ", planned);
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        openWeekOf(page, tuesday);
        Locator item = slot(page, tuesday, "Họp chi bộ");
        assertThat(item).hasAttribute("aria-describedby", "programme-drag-hint");

        drag(page, item.locator("strong"), day(page, thursday), () -> {
            assertThat(day(page, thursday)).hasClass(java.util.regex.Pattern.compile("drop-over"));
            try {
                Browser.screenshot(page, Screenshots.dir(), "programme-drag");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(page.locator(".move-status")).hasText("Đã dời «Họp chi bộ» sang " + day(page, thursday)
                .locator("h2").textContent() + " lúc 09:30.");
        assertThat(slot(page, thursday, "Họp chi bộ")).hasCount(1);
        assertThat(slot(page, tuesday, "Họp chi bộ")).hasCount(0);
        assertThat(storedTime(id)).isEqualTo(thursday.atTime(LocalTime.of(9, 30)).atZone(VIETNAM));
        assertThat(page.locator(".move-error")).isEmpty();

        // A press without a drag is still a click: the title opens the notice.
        slot(page, thursday, "Họp chi bộ").getByRole(AriaRole.LINK).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile("#/notices/" + id + "$"));
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void aDropOntoAnotherNoticesTimeIsRefusedInVietnameseAndEscapeCancelsADrag() {
        // The server checks clashes over the next two days: the other notice is 3 hours from now (or a day later when
        // that falls on a Sunday, so both days sit in one week of the grid) and ours a day after it.
        ZonedDateTime other = ZonedDateTime.now(VIETNAM).plusHours(3).truncatedTo(ChronoUnit.MINUTES);
        if (other.getDayOfWeek() == DayOfWeek.SUNDAY) {
            other = other.plusDays(1);
        }
        ZonedDateTime ours = other.plusDays(1).minusMinutes(1);
        long otherId = scheduled("Tiêm phòng dại", other);
        long id = scheduled("Thu thuế đất", ours);
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        openWeekOf(page, ours.toLocalDate());
        Locator item = slot(page, ours.toLocalDate(), "Thu thuế đất");

        drag(page, item.locator("strong"), day(page, other.toLocalDate()));

        assertThat(page.locator(".move-error")).containsText("Không dời được: Trùng lịch với tin #" + otherId
                + " \"Tiêm phòng dại\"");
        assertThat(slot(page, ours.toLocalDate(), "Thu thuế đất")).hasCount(1);
        assertThat(storedTime(id)).isEqualTo(ours);

        // Escape while dragging: let go over the other day and nothing is asked of the server.
        double[] a = middle(item.locator("strong"));
        page.mouse().move(a[0], a[1]);
        page.mouse().down();
        double[] b = middle(day(page, other.toLocalDate()));
        page.mouse().move(b[0], b[1], new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
        assertThat(day(page, other.toLocalDate())).hasClass(java.util.regex.Pattern.compile("drop-over"));
        page.keyboard().press("Escape");
        page.mouse().up();
        assertThat(day(page, other.toLocalDate())).not().hasClass(java.util.regex.Pattern.compile("drop-over"));
        assertThat(page.locator(".move-status")).isEmpty();
        assertThat(slot(page, ours.toLocalDate(), "Thu thuế đất")).hasCount(1);
        assertThat(storedTime(id)).isEqualTo(ours);
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void onAPhoneAFingerDragsANoticeByItsGripOntoTheNextDay() {
        LocalDate saturday = nextWeek(DayOfWeek.SATURDAY);
        LocalDate sunday = nextWeek(DayOfWeek.SUNDAY);
        long id = scheduled("Vệ sinh kênh mương", saturday.atTime(LocalTime.of(15, 0)).atZone(VIETNAM));
        Page page = browser.open(true);
        Browser.signIn(page, "can-bo", Commune.PASSWORD);
        openWeekOf(page, saturday);
        Locator grip = slot(page, saturday, "Vệ sinh kênh mương").locator(".grip");
        grip.evaluate("g => g.scrollIntoView({ block: 'center' })");

        // Real touch input from the browser (what touchscreen().tap() sends, held and moved): Playwright has no
        // touch-drag call of its own, so the DevTools protocol's Input.dispatchTouchEvent drives the finger.
        double[] a = middle(grip);
        double[] b = middle(day(page, sunday).locator("h2"));
        var cdp = page.context().newCDPSession(page);
        cdp.send("Input.dispatchTouchEvent", touch("touchStart", a[0], a[1]));
        for (int i = 1; i <= 12; i++) {
            cdp.send("Input.dispatchTouchEvent", touch("touchMove", a[0] + (b[0] - a[0]) * i / 12, a[1] + (b[1] - a[1]) * i / 12));
        }
        com.google.gson.JsonObject end = new com.google.gson.JsonObject();
        end.addProperty("type", "touchEnd");
        end.add("touchPoints", new com.google.gson.JsonArray());
        cdp.send("Input.dispatchTouchEvent", end);

        assertThat(slot(page, sunday, "Vệ sinh kênh mương")).hasCount(1);
        assertThat(storedTime(id)).isEqualTo(sunday.atTime(LocalTime.of(15, 0)).atZone(VIETNAM));
        assertThat(browser.scriptErrors).isEmpty();
    }

    /** One touch event of one finger at (x, y), in the DevTools protocol's words. */
    private static com.google.gson.JsonObject touch(String type, double x, double y) {
        com.google.gson.JsonObject point = new com.google.gson.JsonObject();
        point.addProperty("x", x);
        point.addProperty("y", y);
        com.google.gson.JsonArray points = new com.google.gson.JsonArray();
        points.add(point);
        com.google.gson.JsonObject event = new com.google.gson.JsonObject();
        event.addProperty("type", type);
        event.add("touchPoints", points);
        return event;
    }
}
