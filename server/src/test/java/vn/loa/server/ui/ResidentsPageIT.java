package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.OggOpusAudio;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.Uploads;

/**
 * The residents' page /nghe/{unit} (issue 21), with no sign-in: live audio of a zone in chromium (the audio element
 * plays on), a zone with no loudspeaker carrying a notice to the residents listening, and the archive listing aired
 * public notices only, never a draft, one waiting for approval or one marked internal.
 */
class ResidentsPageIT extends UiSuite {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Api clerk() {
        return Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
    }

    private Api approver() {
        return Api.signIn(server.baseUrl(), "chu-tich", Commune.PASSWORD);
    }

    private long aired(JsonObject notice) {
        long id = Commune.created(clerk().post("/api/v1/announcements", notice)).json().getLong("id");
        clerk().post("/api/v1/announcements/" + id + "/submit", null);
        approver().post("/api/v1/announcements/" + id + "/approve", null);
        clerk().post("/api/v1/announcements/" + id + "/broadcast", null);
        return id;
    }

    private JsonObject state(long id, String wanted) {
        return await().atMost(Duration.ofMinutes(1)).until(() -> clerk().get("/api/v1/announcements/" + id).json(),
                a -> a.getString("state").equals(wanted));
    }

    private static JsonObject text(String title, String text, String zone) {
        return new JsonObject().put("title", title).put("text", text).put("chime", false)
                .put("zones", new JsonArray().add(zone));
    }

    @Test
    void theArchiveListsAiredPublicNoticesOnlyAndThePagePlaysAZoneLive() throws Exception {
        long open;
        long internal;
        long waiting;
        try (RtpCapture speaker = new RtpCapture()) {
            Commune.created(commune.admin.post("/api/v1/nodes", new JsonObject().put("id", "loa-nghe")
                    .put("name", "Loa đầu làng").put("zone", "thon-dong").put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port())));
            open = aired(text("Lịch tiêm phòng dại cho chó mèo", "Sáng mai tiêm phòng dại tại nhà văn hóa.",
                    "thon-dong"));
            internal = Commune.created(clerk().post("/api/v1/announcements",
                    text("Họp nội bộ cán bộ thôn", "Họp lúc 8 giờ.", "thon-dong"))).json().getLong("id");
            assertThat(clerk().put("/api/v1/announcements/" + internal + "/archive",
                    new JsonObject().put("public", false)).json().getBoolean("public")).isFalse();
            clerk().post("/api/v1/announcements/" + internal + "/submit", null);
            approver().post("/api/v1/announcements/" + internal + "/approve", null);
            clerk().post("/api/v1/announcements/" + internal + "/broadcast", null);
            Commune.created(clerk().post("/api/v1/announcements", text("Bản nháp chưa duyệt", "Nháp.", "thon-dong")));
            waiting = Commune.created(clerk().post("/api/v1/announcements",
                    text("Chờ lãnh đạo duyệt", "Chờ.", "thon-dong"))).json().getLong("id");
            clerk().post("/api/v1/announcements/" + waiting + "/submit", null);
            state(open, "DONE");
            state(internal, "DONE");
        }
        Api anyone = new Api(server.baseUrl(), null);
        JsonArray listed = anyone.get("/nghe/xa-an-binh/thong-bao").json().getJsonArray("notices");
        assertThat(listed.stream().map(n -> ((JsonObject) n).getString("title")))
                .contains("Lịch tiêm phòng dại cho chó mèo")
                .doesNotContain("Họp nội bộ cán bộ thôn", "Bản nháp chưa duyệt", "Chờ lãnh đạo duyệt");
        assertThat(anyone.get("/nghe/thon-dong/thong-bao").json().getJsonArray("notices")).hasSize(1);
        assertThat(anyone.get("/nghe/xa-an-binh/thong-bao?q=TIEM%20phong").json().getJsonArray("notices")).hasSize(1);
        assertThat(anyone.get("/nghe/xa-an-binh/thong-bao?q=bau%20cu").json().getJsonArray("notices")).isEmpty();
        var sound = anyone.get("/nghe/xa-an-binh/thong-bao/" + open + "/am-thanh");
        assertThat(sound.headers().firstValue("Content-Type")).hasValue("audio/ogg");
        assertThat(OggOpusAudio.loudest(OggOpusAudio.frames(sound.bytes()))).as("the notice spoken").isGreaterThan(500);
        assertThat(anyone.get("/nghe/xa-an-binh/thong-bao/" + internal + "/am-thanh").status()).isEqualTo(404);
        assertThat(anyone.get("/nghe/xa-an-binh/thong-bao/" + waiting + "/am-thanh").status()).isEqualTo(404);
        assertThat(anyone.get("/nghe/khong-co/thong-bao").status()).isEqualTo(404);
        assertThat(anyone.get("/nghe/xa-an-binh/thong-bao?q=" + "a".repeat(101)).status()).isEqualTo(400);

        Page page = browser.open(true);
        page.navigate("/nghe/xa-an-binh");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Xã An Bình");
        assertThat(page.locator("#notices")).containsText("Lịch tiêm phòng dại cho chó mèo");
        assertThat(page.content()).doesNotContain("Họp nội bộ", "Bản nháp", "Chờ lãnh đạo");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Thôn Đông")).click();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) page.evaluate(
                    "document.getElementById('live').currentTime")).doubleValue() > 2.0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the live audio did not play: " + page.evaluate("() => { const a = "
                    + "document.getElementById('live'); return [a.currentSrc, a.readyState, a.networkState, "
                    + "a.error && a.error.code, a.error && a.error.message, a.paused, a.currentTime, "
                    + "document.getElementById('live-status').textContent].join(' | '); }"), e);
        }
        double was = ((Number) page.evaluate("document.getElementById('live').currentTime")).doubleValue();
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) page.evaluate(
                "document.getElementById('live').currentTime")).doubleValue() > was + 1.0);
        page.getByLabel("Tìm thông báo").fill("khong co gi");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
        assertThat(page.locator("#notices")).hasText("Không tìm thấy thông báo nào.");
        page.getByLabel("Tìm thông báo").fill("tiem phong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tìm")).click();
        assertThat(page.locator("#notices li h3")).hasText(new String[] {"Lịch tiêm phòng dại cho chó mèo"});
        Browser.screenshot(page, Screenshots.dir(), "residents-phone");
        assertThat(browser.scriptErrors).isEmpty();
        page.context().close();
    }

    @Test
    void aZoneWithoutLoudspeakersCarriesANoticeToTheResidentsListeningLive() throws Exception {
        Path work = TempDirs.create("loa-residents-");
        String audioId = clerk().sendBytes("POST", "/api/v1/audio", Uploads.multipart("chuong.wav", "audio/wav",
                Uploads.tone(work, "wav", 2)), Uploads.contentType()).json().getString("audioId");
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/nghe/xa-an-binh/truc-tiep/thon-tay.opus")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try (InputStream in = stream.body()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    synchronized (heard) {
                        heard.write(buffer, 0, n);
                    }
                }
            } catch (java.io.IOException closed) {
                // the test closed the stream: what arrived is in heard
            }
        });
        reader.start();
        // Silence flows while the zone is quiet: the listener is in once pages arrive.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            synchronized (heard) {
                return heard.size() > 2000;
            }
        });

        long id = aired(new JsonObject().put("title", "Tiếng chuông thử").put("audioId", audioId).put("chime", false)
                .put("zones", new JsonArray().add("thon-tay")));
        JsonObject done = state(id, "DONE");
        stream.body().close();
        reader.join(5000);

        byte[] bytes;
        synchronized (heard) {
            bytes = heard.toByteArray();
        }
        List<short[]> frames = OggOpusAudio.frames(bytes);
        assertThat(OggOpusAudio.loudest(frames)).as("the tone reached the page's listener").isGreaterThan(1000);
        assertThat(done.getJsonArray("deliveries").encode()).contains("nghe:thon-tay").contains("PLAYED");
    }
}
