package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RunsAlone;
import vn.loa.server.testing.TcpProxy;

/**
 * A board's kiosk page in Debian's chromium: it shows the clerk's Vietnamese slide as the server draws it, follows
 * playlist changes, raises the emergency banner at once, and keeps playing from its cache while the network is down.
 * Alone for the banner's second; the board tests that time nothing are {@link BoardPlayerIT}, in the forks.
 */
@RunsAlone("asserts the board's emergency banner within a second of the broadcast")
class PlayerIT extends UiSuite {

    static final String TITLE = "Thông báo lịch tiêm chủng";
    static final String BODY = "Trạm y tế xã tiêm vắc-xin sởi cho trẻ từ 9 tháng tuổi vào sáng thứ Bảy, 8 giờ.";
    static final String NEXT = "Lịch cắt điện: thôn Đông mất điện từ 7 giờ đến 11 giờ ngày mai.";

    static JsonObject text(String title, String body, int seconds) {
        return new JsonObject().put("kind", "TEXT").put("title", title).put("body", body).put("seconds", seconds);
    }

    static JsonObject playlist(JsonObject... items) {
        return new JsonObject().put("items", new JsonArray(List.of((Object[]) items)));
    }

    @Test
    void theBoardShowsTheSlideSwitchesRaisesTheBannerAndPlaysOnFromItsCacheWhenTheNetworkDrops() throws Exception {
        Api clerk = Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        Api approver = Api.signIn(server.baseUrl(), "chu-tich", Commune.PASSWORD);
        String key = commune.admin.post("/api/v1/boards", new JsonObject().put("id", "bang-cho")
                .put("name", "Bảng tin chợ Đông").put("zone", "thon-dong").put("kind", "LCD").put("width", 1366)
                .put("height", 768)).json().getString("playerKey");
        try (TcpProxy network = new TcpProxy(java.net.URI.create(server.baseUrl()).getPort())) {
            Page board = browser.open();
            board.navigate("http://127.0.0.1:" + network.port() + "/player/bang-cho?key=" + key);
            // Nothing to play yet: the board shows its name.
            assertThat(board.locator("#text")).hasText("Bảng tin chợ Đông");
            assertThat(clerk.put("/api/v1/boards/bang-cho/playlist", playlist(text(TITLE, BODY, 600))).status())
                    .isEqualTo(200);

            // The slide: its Vietnamese text in the page, its pixels those of the server's snapshot.
            assertThat(board.locator("#text")).hasText(TITLE + "\n" + BODY);
            board.waitForFunction("() => document.getElementById('frame').dataset.key === document.body.dataset.shown "
                    + "&& document.getElementById('frame').complete "
                    + "&& document.getElementById('frame').naturalWidth === 1366");
            showsTheSnapshot(board, clerk, "bang-cho");
            Browser.screenshot(board, Screenshots.dir(), "board-player");

            // A new playlist reaches the open page.
            clerk.put("/api/v1/boards/bang-cho/playlist", playlist(text("Lịch cắt điện", NEXT, 2),
                    text(TITLE, BODY, 2)));
            assertThat(board.locator("#text")).containsText(NEXT);
            board.waitForFunction("() => document.body.dataset.ready === String(document.body.dataset.version)");

            // The network drops: both slides keep alternating from the page's cache.
            network.refuse(true);
            network.cut();
            board.waitForFunction("() => document.body.dataset.online === 'false'");
            for (String expected : List.of(BODY, NEXT, BODY)) {
                assertThat(board.locator("#text")).containsText(expected);
                board.waitForFunction("() => document.getElementById('frame').src.startsWith('blob:') "
                        + "&& document.getElementById('frame').naturalWidth === 1366");
            }

            // Meanwhile the clerk changes the playlist; the page reconnects by itself and shows it.
            clerk.put("/api/v1/boards/bang-cho/playlist", playlist(text("Họp dân", "Họp dân lúc 19 giờ.", 600)));
            network.refuse(false);
            assertThat(board.locator("#text")).containsText("Họp dân lúc 19 giờ.");

            // An emergency: the banner is up within a second of the broadcast.
            long alert = approver.post("/api/v1/announcements", new JsonObject().put("title", "Lũ quét")
                    .put("text", "Mời bà con ven suối sơ tán ngay.").put("priority", "EMERGENCY")
                    .put("zones", new JsonArray().add("thon-dong"))).json().getLong("id");
            approver.post("/api/v1/announcements/" + alert + "/broadcast", null);
            long broadcast = System.nanoTime();
            board.waitForFunction("() => document.body.dataset.banner === 'on'", null,
                    new Page.WaitForFunctionOptions().setPollingInterval(10));
            long millis = (System.nanoTime() - broadcast) / 1_000_000;
            System.out.println("banner shown " + millis + " ms after the broadcast was accepted");
            assertThat(millis).isLessThan(1000);
            assertThat(board.locator("#banner-text p")).containsText("Mời bà con ven suối sơ tán ngay.");
            Browser.screenshot(board, Screenshots.dir(), "board-banner");

            // A CAP warning that expires in a few seconds: its banner carries its end, so a board cut off from the
            // server takes it down on time by its own clock (ADR 0051).
            String alertKey = commune.admin.post("/api/v1/alerts/keys", new JsonObject().put("name", "Đài KTTV")).json()
                    .getString("key");
            commune.admin.put("/api/v1/zones/thon-dong/geocode", new JsonObject().put("valueName", "loa")
                    .put("value", "THON-DONG"));
            java.time.OffsetDateTime expires = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7))
                    .plusSeconds(8).withNano(0);
            String cap = """
                    <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>het-han-1</identifier>
                    <sender>kttv@example.vn</sender><sent>2026-12-07T10:00:00+07:00</sent><status>Actual</status>
                    <msgType>Alert</msgType><scope>Public</scope><info><language>vi-VN</language><category>Met</category>
                    <event>Gió giật</event><urgency>Immediate</urgency><severity>Severe</severity>
                    <certainty>Observed</certainty><expires>%s</expires><headline>Gió giật mạnh</headline>
                    <description>Gió giật cấp 8 trong vài phút tới.</description>
                    <area><areaDesc>Thôn Đông</areaDesc><geocode><valueName>loa</valueName><value>THON-DONG</value>
                    </geocode></area></info></alert>""".formatted(expires.format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")));
            var posted = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(server.baseUrl() + "/api/v1/alerts"))
                    .header("Content-Type", "application/cap+xml").header("X-API-Key", alertKey)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(cap)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            assertThat(board.locator("#banner-text p")).containsText("Gió giật cấp 8");
            network.refuse(true);
            network.cut();
            board.waitForFunction("() => document.body.dataset.online === 'false'");
            assertThat(board.locator("body")).hasAttribute("data-banner", "on");
            board.waitForFunction("() => document.body.dataset.banner === 'off'", null,
                    new Page.WaitForFunctionOptions().setTimeout(20_000));
            assertThat(java.time.OffsetDateTime.now()).as("not before its expiry").isAfterOrEqualTo(expires);
            network.refuse(false);

            // Proof of play: the page reported the slides it showed.
            JsonArray plays = clerk.get("/api/v1/boards/bang-cho/plays").array();
            assertThat(plays.stream().map(p -> ((JsonObject) p).getString("kind"))).contains("TEXT");
            // The browser logs each refused reconnection; nothing else may have gone wrong in the page.
            assertThat(browser.scriptErrors).allMatch(e -> e.startsWith("WebSocket connection to"));
        }
    }

    /** The page shows the server's snapshot of board {@code id}: under 1% of its pixels differ by more than 8 levels. */
    static void showsTheSnapshot(Page board, Api clerk, String id) throws java.io.IOException {
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(board.screenshot()));
        BufferedImage snapshot = ImageIO.read(new ByteArrayInputStream(
                clerk.get("/api/v1/boards/" + id + "/snapshot.png").bytes()));
        assertThat(differingShare(shown, snapshot)).as("share of pixels differing by more than 8 levels")
                .isLessThan(0.01);
    }

    /** Share of pixels where any channel differs by more than 8 of 255. */
    static double differingShare(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)) > 8) {
                        differing++;
                        break;
                    }
                }
            }
        }
        return differing / (double) (a.getWidth() * a.getHeight());
    }
}
