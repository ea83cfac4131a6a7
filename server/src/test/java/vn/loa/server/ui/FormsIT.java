package vn.loa.server.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * Bad input in the forms: every refusal appears beside its field in Vietnamese, and typed HTML stays text; and the
 * province link's form, whose linked commune then shows its devices at the province.
 */
class FormsIT extends UiSuite {


    static Locator errorOf(Page page, String field) {
        return page.locator("[data-error-for='" + field + "']").first();
    }

    static void press(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }

    @Test
    void wrongPasswordIsShownBesideThePasswordField() {
        Page page = browser.open();
        page.navigate("/#/signin");
        page.getByLabel("Tên đăng nhập").fill("can-bo");
        page.getByLabel("Mật khẩu").fill("sai-mat-khau");
        press(page, "Đăng nhập");
        assertThat(errorOf(page, "password")).containsText("mật khẩu");
        assertThat(page.getByLabel("Mật khẩu")).hasAttribute("aria-invalid", "true");
    }

    @Test
    void eachRefusedComposeFieldShowsItsVietnameseMessageBesideIt() throws Exception {
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/compose");
        page.getByLabel("Nội dung thông báo").fill("Kính mời bà con dự họp.");

        press(page, "Gửi duyệt");
        assertThat(errorOf(page, "title")).hasText("Hãy nhập tiêu đề (tối đa 300 ký tự).");
        assertThat(page.getByLabel("Tiêu đề")).isFocused();

        page.getByLabel("Tiêu đề").fill("Họp dân");
        press(page, "Gửi duyệt");
        assertThat(errorOf(page, "zones")).hasText("Hãy chọn ít nhất một khu vực phát.");

        page.getByLabel("Thôn Tây").check();
        page.getByLabel("Số lần phát").fill("50");
        press(page, "Gửi duyệt");
        assertThat(errorOf(page, "repeat")).hasText("Số lần phát phải từ 1 đến 20.");

        page.getByLabel("Số lần phát").fill("2");
        page.getByLabel("Vào lúc").check();
        press(page, "Gửi duyệt");
        assertThat(errorOf(page, "at")).hasText("Hãy chọn ngày và giờ phát.");
        Browser.screenshot(page, Screenshots.dir(), "compose-errors");

        page.getByLabel("Ngày giờ phát").fill("2026-12-24T07:30");
        press(page, "Gửi duyệt");
        assertThat(page.locator(".notice h2 .badge")).hasText("Chờ duyệt");
        assertThat(page.locator("body")).not().containsText("Exception");
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void htmlTypedIntoANoticeIsShownAsTextAndNeverRuns() {
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/compose");
        String title = "<img src=x onerror=\"window.hacked=1\">Họp <b>gấp</b>";
        page.getByLabel("Tiêu đề").fill(title);
        page.getByLabel("Nội dung thông báo").fill("Bà con <i>chú ý</i> <img src=y onerror=\"window.hacked=2\"> nhé.");
        page.getByLabel("Thôn Đông").check();
        press(page, "Lưu nháp");

        assertThat(page.locator(".notice > h2")).containsText("<img src=x onerror=\"window.hacked=1\">Họp <b>gấp</b>");
        assertThat(page.locator(".notice-text")).containsText("<i>chú ý</i>");
        assertThat(page.locator(".notice img, .notice b, .notice i")).hasCount(0);
        page.navigate("/#/notices");
        assertThat(page.locator("table a", new Page.LocatorOptions().setHasText("<b>gấp</b>"))).hasCount(1);
        assertThat(page.evaluate("() => window.hacked === undefined")).isEqualTo(true);
    }

    @Test
    void choosingAnEnglishVoiceShowsTheEnglishReadingBesideTheText() {
        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/compose");
        page.getByLabel("Nội dung thông báo").fill("Boats leave at 7h30, tickets 150,000 VND.");
        assertThat(page.locator("output.reading")).containsText("bảy giờ ba mươi phút");
        assertThat(page.locator("option[value=kevin16]")).hasText("Tiếng Anh, giọng nam Kevin");
        page.getByLabel("Giọng đọc").selectOption("kevin16");
        assertThat(page.locator("output.reading")).containsText("seven thirty");
        assertThat(page.locator("output.reading")).containsText("one hundred and fifty thousand dong");
        assertThat(browser.scriptErrors).isEmpty();
    }

    @Test
    void aTechniciansBadSpeakerAddressIsShownBesideTheAddressField() {
        Page page = browser.signIn("ky-thuat", Commune.PASSWORD);
        page.navigate("/#/nodes");
        // A node's id is required (a missing one is refused beside its own field): given here, so the address is judged.
        page.getByLabel("Mã", new Page.GetByLabelOptions().setExact(true)).fill("loa-cong-cho");
        page.getByLabel("Tên").fill("Loa IP cổng chợ");
        page.getByLabel("Loại").selectOption("rtp");
        page.getByLabel("Địa chỉ").fill("khong-co-cong");
        press(page, "Đăng ký");
        assertThat(errorOf(page, "address")).not().isEmpty();
        assertThat(errorOf(page, "address")).containsText("cổng");
        page.getByLabel("Mã", new Page.GetByLabelOptions().setExact(true)).fill("Mã Sai!");
        page.getByLabel("Địa chỉ").fill("127.0.0.1:5004");
        press(page, "Đăng ký");
        assertThat(errorOf(page, "id")).hasText("Mã chỉ gồm chữ thường không dấu, số, \"-\" và \"_\", bắt đầu bằng chữ hoặc số.");
        page.getByLabel("Mã", new Page.GetByLabelOptions().setExact(true)).fill("loa-cong-cho");
        page.getByLabel("Vĩ độ").fill("95");
        page.getByLabel("Kinh độ").fill("106,7");
        press(page, "Đăng ký");
        assertThat(errorOf(page, "lat")).not().isEmpty();
        page.getByLabel("Vĩ độ").fill("10,77");
        page.getByLabel("Giờ hoạt động").fill("5h-21h");
        press(page, "Đăng ký");
        assertThat(errorOf(page, "onHours")).not().isEmpty();
    }

    @Test
    void theInterfaceSpeaksEnglishWhenAsked() {
        Page page = browser.signIn("quan-tri", Commune.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("h1")).hasText("Dashboard");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compose a notice"))).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tiếng Việt")).click();
        assertThat(page.locator("h1")).hasText("Tổng quan");
    }

    @Test
    void anApproverRejectsWithAReasonAndTheClerkReadsItInTheHistory() {
        var clerkApi = vn.loa.server.testing.Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD);
        long id = Commune.created(clerkApi.post("/api/v1/announcements", new io.vertx.core.json.JsonObject()
                .put("title", "Thông báo cần sửa").put("text", "Nội dung chưa rõ.")
                .put("zones", new io.vertx.core.json.JsonArray().add("thon-tay")))).json().getLong("id");
        clerkApi.post("/api/v1/announcements/" + id + "/submit", null);

        Page approver = browser.signIn("chu-tich", Commune.PASSWORD);
        approver.navigate("/#/approvals");
        var card = approver.locator("form.approval", new Page.LocatorOptions().setHasText("Thông báo cần sửa"));
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Từ chối")).click();
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gửi trả lại")).click();
        assertThat(card.locator("[data-error-for='reason']")).hasText("Hãy ghi lý do để người soạn biết cần sửa gì.");
        card.getByLabel("Lý do từ chối").fill("Ghi rõ giờ họp.");
        card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Gửi trả lại")).click();
        assertThat(approver.locator("form.approval", new Page.LocatorOptions().setHasText("Thông báo cần sửa"))).hasCount(0);

        Page clerk = browser.signIn("can-bo", Commune.PASSWORD);
        clerk.navigate("/#/notices/" + id);
        assertThat(clerk.locator(".notice h2 .badge")).hasText("Nháp");
        assertThat(clerk.locator(".history")).containsText("Lý do: Ghi rõ giờ họp.");
    }

    @Test
    void aTechnicianAddsAVillageWithQuietHoursAndABadMulticastGroupIsShownBesideItsField() throws Exception {
        Page page = browser.signIn("ky-thuat", Commune.PASSWORD);
        page.navigate("/#/zones");
        page.getByLabel("Mã", new Page.GetByLabelOptions().setExact(true)).fill("xom-bac");
        page.getByLabel("Tên").fill("Xóm Bắc");
        page.getByLabel("Thuộc").selectOption("thon-dong");
        page.getByLabel("Nhóm multicast (không bắt buộc)").fill("10.0.0.1:5004");
        press(page, "Thêm khu vực");
        assertThat(errorOf(page, "multicast")).containsText("239.");

        page.getByLabel("Nhóm multicast (không bắt buộc)").fill("");
        page.getByLabel("Từ lúc").fill("22:00");
        page.getByLabel("Đến lúc").fill("05:30");
        press(page, "Thêm khu vực");
        var village = page.locator("li[data-zone='xom-bac']");
        assertThat(village).containsText("Xóm Bắc");
        assertThat(village).containsText("yên tĩnh 22:00–05:30");
        Browser.screenshot(page, Screenshots.dir(), "zones");
    }

    @Test
    void anAdminImportsAVillagesBoundaryFromGeoJsonSeesItDrawnAndACrossedRingIsRefusedBesideTheFile()
            throws Exception {
        Page page = browser.signIn("quan-tri", Commune.PASSWORD);
        page.navigate("/#/zones");
        page.locator("li[data-zone='thon-tay'] > button").click();
        var file = page.getByLabel("Tệp ranh giới (GeoJSON)");
        String bowtie = """
                {"type":"Polygon","coordinates":[[[108.0,16.0],[108.1,16.1],[108.1,16.0],[108.0,16.1],[108.0,16.0]]]}""";
        file.setInputFiles(new com.microsoft.playwright.options.FilePayload("hong.geojson", "application/geo+json",
                bowtie.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(errorOf(page, "boundary")).not().isEmpty();
        assertThat(errorOf(page, "boundary")).not().containsText("Exception");
        assertThat(file).hasAttribute("aria-invalid", "true");

        String village = """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"ten":"Thôn Tây"},
                "geometry":{"type":"Polygon","coordinates":[[[108.0,16.0],[108.02,16.0],[108.02,16.03],
                [108.0,16.03],[108.0,16.0]]]}}]}""";
        file.setInputFiles(new com.microsoft.playwright.options.FilePayload("thon-tay.geojson", "application/geo+json",
                village.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(page.locator(".boundary-status")).hasText("Đã lưu ranh giới từ \"thon-tay.geojson\" (5 điểm).");
        assertThat(page.locator("svg.boundary-map polygon")).hasCount(1);
        assertThat(errorOf(page, "boundary")).isEmpty();
        Browser.screenshot(page, Screenshots.dir(), "zone-boundary");
        var stored = vn.loa.server.testing.Api.signIn(server.baseUrl(), "quan-tri", Commune.PASSWORD)
                .get("/api/v1/zones/thon-tay/boundary").json().getJsonObject("boundary");
        assertThat(stored.getString("type")).isEqualTo("Polygon");
        page.reload();
        assertThat(page.locator("li[data-zone='thon-tay']")).containsText("có ranh giới");
    }

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static TestServer downstream;

    @AfterAll
    static void stopDownstream() {
        if (downstream != null) {
            downstream.close();
        }
    }

    /**
     * The province link as operators see it: a commune's admin links its Loa to this suite's server (playing the
     * province) through the Liên thông form, a wrong key refused in Vietnamese beside the key; the province's admin then
     * sees that commune's villages, its offline speaker on the map, its board and a bulletin's delivery, read-only.
     */
    @Test
    void aCommuneLinkedThroughTheFormShowsItsVillagesAnOfflineSpeakerAndADeliveryAtTheProvince() throws Exception {
        // This UI suite's server plays the province: a zone for the commune, registered as a downstream.
        Api province = commune.admin;
        String root = province.get("/api/v1/zones").array().getJsonObject(0).getString("id");
        Commune.created(province.post("/api/v1/users", new JsonObject().put("username", "so-tttt").put("role", "admin")
                .put("unit", root).put("password", Commune.PASSWORD).put("displayName", "Sở TT-TT")));
        Commune.created(province.post("/api/v1/zones", new JsonObject().put("id", "xa-b").put("name", "Xã Bình Minh")));
        String key = Commune.created(province.post("/api/v1/downstreams", new JsonObject().put("id", "xa-b")
                .put("name", "Đài xã Bình Minh").put("zone", "xa-b"))).json().getString("key");

        downstream = TestServer.onH2(Map.of("link.id", "xa-b", "link.devices.every", "1", "link.poll.wait", "2",
                "link.retry.max", "1"));
        Api xa = Api.signIn(downstream.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        Commune.created(xa.post("/api/v1/zones", new JsonObject().put("id", "thon-bac").put("name", "Thôn Bắc")));
        Commune.created(xa.post("/api/v1/zones", new JsonObject().put("id", "thon-nam").put("name", "Thôn Nam")));
        Commune.created(xa.post("/api/v1/nodes", new JsonObject().put("id", "loa-bac").put("name", "Loa đầu làng Bắc")
                .put("zone", "thon-bac").put("kind", "agent").put("lat", 21.03).put("lon", 105.85)));
        Commune.created(xa.post("/api/v1/boards", new JsonObject().put("id", "bang-nam").put("name", "Bảng tin Thôn Nam")
                .put("zone", "thon-nam").put("kind", "LCD").put("width", 1920).put("height", 1080)));
        Commune.created(xa.post("/api/v1/users", new JsonObject().put("username", "quan-tri-xa").put("role", "admin")
                .put("unit", xa.get("/api/v1/zones").array().getJsonObject(0).getString("id"))
                .put("password", Commune.PASSWORD).put("displayName", "Quản trị xã")));

        Page commune = browser.open();
        commune.navigate(downstream.baseUrl() + "/#/signin");
        commune.getByLabel("Tên đăng nhập").fill("quan-tri-xa");
        commune.getByLabel("Mật khẩu").fill(Commune.PASSWORD);
        FormsIT.press(commune, "Đăng nhập");
        commune.locator("h1", new Page.LocatorOptions().setHasText("Tổng quan")).waitFor();
        commune.navigate(downstream.baseUrl() + "/#/link");
        assertThat(commune.locator("dl.link-state")).containsText("Chưa liên kết");
        commune.getByLabel("Địa chỉ", EXACT).fill(server.baseUrl());
        commune.getByLabel("Mã", EXACT).fill("xa-b");
        commune.getByLabel("Khoá liên kết").fill("khoa-sai");
        FormsIT.press(commune, "Liên kết");
        assertThat(FormsIT.errorOf(commune, "key")).not().isEmpty();
        assertThat(commune.getByLabel("Khoá liên kết")).hasAttribute("aria-invalid", "true");
        commune.getByLabel("Khoá liên kết").fill(key);
        FormsIT.press(commune, "Liên kết");
        assertThat(commune.locator("form.link-form [role=status]")).containsText("Đã liên kết");
        assertThat(commune.locator("dl.link-state")).containsText("Xã Bình Minh");

        await().alias("the commune's devices reach the province").atMost(Duration.ofSeconds(20))
                .until(() -> province.get("/api/v1/downstreams/xa-b/devices").json().getJsonArray("nodes").size() == 1);
        long bulletin = Commune.created(province.post("/api/v1/announcements", new JsonObject().put("title", "Lũ về")
                .put("text", "Nước sông đang lên.").put("priority", "EMERGENCY").put("zones",
                        new io.vertx.core.json.JsonArray().add("xa-b")))).json().getLong("id");
        assertThat(province.post("/api/v1/announcements/" + bulletin + "/broadcast", null).status()).isLessThan(300);
        String delivered = await().alias("the commune reports the bulletin's delivery").atMost(Duration.ofSeconds(30))
                .until(() -> province.get("/api/v1/announcements/" + bulletin).json().getJsonArray("deliveries").stream()
                        .map(JsonObject.class::cast).filter(d -> d.getString("node").equals("xa-b/loa-bac"))
                        .map(d -> d.getString("state")).filter(st -> st.equals("PLAYED") || st.equals("FAILED"))
                        .findFirst().orElse(null), java.util.Objects::nonNull);
        Page page = browser.signIn("so-tttt", Commune.PASSWORD);
        page.navigate("/#/link");
        assertThat(page.locator("table.link tbody")).containsText("Đài xã Bình Minh");
        Locator xaB = page.locator("details[data-downstream='xa-b']");
        xaB.locator("summary").click();
        assertThat(xaB.locator("[data-zone='thon-bac'] h4")).hasText("Thôn Bắc");
        assertThat(xaB.locator("[data-zone='thon-nam']")).containsText("Bảng tin Thôn Nam");
        assertThat(xaB.locator("[data-zone='thon-bac'] li.node.offline")).containsText("Loa đầu làng Bắc");
        assertThat(xaB.locator("[data-zone='thon-bac'] li.node.offline")).containsText("Mất kết nối");
        assertThat(xaB.locator("svg.node-map circle.node-offline[data-name='Loa đầu làng Bắc']")).hasCount(1);
        assertThat(xaB.locator("table.deliveries tr[data-node='xa-b/loa-bac']")).containsText("Lũ về");
        assertThat(xaB.locator("table.deliveries tr[data-node='xa-b/loa-bac']"))
                .containsText(delivered.equals("FAILED") ? "Không tới được" : "Đã phát tới loa");
        Browser.screenshot(page, Screenshots.dir(), "province-link");

        // ADR 0059: one map of every speaker, and the commune's villages and speakers greyed in the province's tree.
        assertThat(page.locator("figure.province-map circle.node-offline.mirror[data-name='Loa đầu làng Bắc']"))
                .hasCount(1);
        assertThat(page.locator("figure.province-map figcaption")).containsText("ở 1 hệ thống cấp dưới");
        page.navigate("/#/");
        assertThat(page.locator("li.node.offline.mirror[data-node='xa-b/loa-bac']"))
                .containsText("từ Xã Bình Minh, chỉ xem");
        assertThat(page.locator("svg.node-map circle.mirror[data-name='Loa đầu làng Bắc']")).hasCount(1);
        page.navigate("/#/zones");
        Locator village = page.locator("li.mirror[data-zone='xa-b/thon-nam']");
        assertThat(village).containsText("Thôn Nam");
        assertThat(village).containsText("từ Xã Bình Minh, chỉ xem");
        assertThat(village).containsText("Bảng tin Thôn Nam");
        assertThat(village.locator("button")).hasCount(0);
        assertThat(page.locator("#zone-parent option[value^='xa-b/']")).hasCount(0);
        assertThat(browser.scriptErrors).isEmpty();
        Browser.screenshot(page, Screenshots.dir(), "province-tree");
        // The reports page lists the commune in the province's report by commune (ADR 0060), with its files.
        page.navigate("/#/reports");
        assertThat(page.locator("table.province-report tr[data-commune='xa-b']")).containsText("Đài xã Bình Minh");
        assertThat(page.locator("button[data-export='province-xlsx']")).isVisible();
    }

    @Test
    void theAlertsPageShowsWhichSpeakersACapAlertReachedWhyAndWhichWereDown() throws Exception {
        var admin = vn.loa.server.testing.Api.signIn(server.baseUrl(), "quan-tri", Commune.PASSWORD);
        var tech = vn.loa.server.testing.Api.signIn(server.baseUrl(), "ky-thuat", Commune.PASSWORD);
        Commune.created(tech.post("/api/v1/nodes", new io.vertx.core.json.JsonObject().put("id", "loa-ben-do")
                .put("name", "Loa bến đò").put("zone", "thon-dong").put("kind", "agent").put("lat", 10.5)
                .put("lon", 105.5)));
        String key = Commune.created(admin.post("/api/v1/alerts/keys", new io.vertx.core.json.JsonObject()
                .put("name", "Đài KTTV"))).json().getString("key");
        String cap = """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>ui-lu-quet-1</identifier><sender>kttv@nchmf.gov.vn</sender>
                  <sent>2026-12-01T10:00:00+07:00</sent><status>Actual</status><msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info><language>vi-VN</language><category>Met</category><event>Lũ quét</event>
                    <urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
                    <headline>Lũ quét ở bến đò</headline><description>Nước lên nhanh.</description>
                    <area><areaDesc>Bến đò</areaDesc><circle>10.5,105.5 1</circle></area></info>
                </alert>""";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/alerts"))
                .header("Content-Type", "application/cap+xml").header("X-API-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(cap)).build();
        var reply = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
        long id = new io.vertx.core.json.JsonObject(reply.body()).getLong("id");
        org.awaitility.Awaitility.await("the speaker reported down").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> admin.get("/api/v1/alerts/" + id).json().getJsonArray("speakers").encode()
                        .contains("\"down\":true"));

        Page page = browser.signIn("quan-tri", Commune.PASSWORD);
        page.navigate("/#/alerts");
        page.locator("tr[data-alert='" + id + "'] button").click();
        Locator speaker = page.locator(".alert-detail tr[data-node='loa-ben-do']");
        assertThat(speaker).containsText("Loa bến đò");
        assertThat(speaker.locator("td.reach")).containsText("trong vòng tròn");
        assertThat(speaker.locator("td.state")).containsText("Hỏng");
        assertThat(speaker.locator("td.state")).containsText("chưa kết nối");
        assertThat(page.locator(".alert-detail")).containsText("Số lượt phát còn lại");
        Browser.screenshot(page, Screenshots.dir(), "alert");

        // The zone's alert languages, edited on the zones page.
        page.navigate("/#/zones");
        page.locator("li[data-zone='thon-dong'] > button").click();
        page.getByLabel("Ngôn ngữ phát cảnh báo").fill("vi, en");
        press(page, "Lưu");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/zones/thon-dong/boundary").json()
                .getJsonArray("languages").getList().equals(java.util.List.of("vi", "en")));
    }

    @Test
    void aClerkDrawsACustomLayoutByNumbersAndTheBoardsSnapshotShowsIt() throws Exception {
        var admin = commune.admin;
        Commune.created(admin.post("/api/v1/boards", new io.vertx.core.json.JsonObject().put("id", "bang-cho")
                .put("name", "Bảng tin chợ Đông").put("zone", "thon-tay").put("kind", "LCD").put("width", 960)
                .put("height", 540)));
        admin.put("/api/v1/boards/bang-cho/playlist", new io.vertx.core.json.JsonObject().put("items",
                new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject().put("kind", "TEXT")
                        .put("title", "Họp dân thôn Đông").put("body", "Tối thứ Bảy, 19 giờ").put("seconds", 10))));
        byte[] before = admin.get("/api/v1/boards/bang-cho/snapshot.png").bytes();

        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/layouts");
        page.getByLabel("Bắt đầu từ bố cục").selectOption("header-main-ticker");
        page.getByLabel("main – Rộng").fill("5000");
        page.getByLabel("Mã bố cục").fill("bang-tin-cho");
        page.getByLabel("Tên hiển thị").fill("Bảng tin chợ, nội dung hẹp");
        press(page, "Lưu bố cục");
        assertThat(errorOf(page, "regions")).containsText("vùng main");
        assertThat(errorOf(page, "regions")).containsText("nằm ngoài khung 1920×1080");

        page.getByLabel("main – Rộng").fill("1200");
        page.getByLabel("Xem trước trên bảng tin").selectOption("bang-cho");
        assertThat(page.locator(".region-outline[data-region='main']")).hasAttribute("style",
                java.util.regex.Pattern.compile("width: ?62\\.5%"));
        press(page, "Lưu và gán cho bảng tin");
        assertThat(page.locator(".layout-status")).containsText("Bảng tin đã dùng bố cục bang-tin-cho");

        assertThat(admin.get("/api/v1/boards/bang-cho").json().getString("layout")).isEqualTo("bang-tin-cho");
        var stored = admin.get("/api/v1/layouts").array().stream().map(o -> (io.vertx.core.json.JsonObject) o)
                .filter(l -> l.getString("name").equals("bang-tin-cho")).findFirst().orElseThrow();
        assertThat(stored.getBoolean("custom")).isTrue();
        assertThat(stored.getJsonArray("regions").stream().map(o -> (io.vertx.core.json.JsonObject) o)
                .filter(r -> r.getString("name").equals("main")).findFirst().orElseThrow().getInteger("width"))
                .isEqualTo(1200);
        byte[] after = admin.get("/api/v1/boards/bang-cho/snapshot.png").bytes();
        assertThat(after).as("the board's snapshot shows the new layout").isNotEqualTo(before);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(after));
        assertThat(image.getRGB(900, 300)).as("right of the narrowed main region: nothing drawn")
                .isEqualTo(image.getRGB(950, 300));
        Browser.screenshot(page, Screenshots.dir(), "layout-editor");
    }

    @Test
    void theEditorPreviewsTheUnsavedLayoutAndDeletesACustomOneAfterAVietnameseConfirmation() throws Exception {
        var admin = commune.admin;
        // In Thôn Tây: the alerts test's CAP alert puts its banner over Thôn Đông's boards, whichever runs first.
        Commune.created(admin.post("/api/v1/boards", new io.vertx.core.json.JsonObject().put("id", "bang-xem")
                .put("name", "Bảng tin xem trước").put("zone", "thon-tay").put("kind", "LCD").put("width", 960)
                .put("height", 540)));
        admin.put("/api/v1/boards/bang-xem/playlist", new io.vertx.core.json.JsonObject().put("items",
                new io.vertx.core.json.JsonArray().add(new io.vertx.core.json.JsonObject().put("kind", "TEXT")
                        .put("title", "Thông báo họp dân toàn thôn Đông về kế hoạch làm đường liên thôn")
                        .put("body", "Tối thứ Bảy, 19 giờ, tại nhà văn hóa thôn Đông; mời đại diện mỗi hộ gia đình đến dự")
                        .put("seconds", 600))));
        var layout = new io.vertx.core.json.JsonObject().put("name", "bo-cuc-tam").put("title", "Bố cục tạm")
                .put("width", 1920).put("height", 1080).put("regions", new io.vertx.core.json.JsonArray()
                        .add(new io.vertx.core.json.JsonObject().put("name", "main").put("x", 0).put("y", 0)
                                .put("width", 1920).put("height", 1080).put("widget", "PLAYLIST")));
        // Drawn by the clerk's unit: only it and the units above it may delete it.
        Commune.created(Api.signIn(server.baseUrl(), "can-bo", Commune.PASSWORD).post("/api/v1/layouts", layout));

        Page page = browser.signIn("can-bo", Commune.PASSWORD);
        page.navigate("/#/layouts");
        page.getByLabel("Bắt đầu từ bố cục").selectOption("header-main-ticker");
        assertThat(page.getByText("Xoá bố cục")).isHidden();
        page.getByLabel("Xem trước trên bảng tin").selectOption("bang-xem");
        // Narrowed, not saved: the server draws the draft with what the board plays, not the saved layout.
        page.waitForFunction("() => document.querySelector('.preview').dataset.draft");
        String before = page.locator(".preview").getAttribute("data-draft");
        page.getByLabel("main – Rộng").fill("1200");
        page.waitForFunction("before => { const p = document.querySelector('.preview'); "
                + "const i = p.querySelector('img.layout-snapshot'); return p.dataset.draft !== before "
                + "&& i && i.complete && i.naturalWidth === 960; }", before);
        // The picture the page shows, read back through a canvas (the blob is the server's PNG).
        String shown = (String) page.evaluate("() => { const i = document.querySelector('.preview img.layout-snapshot'); "
                + "const c = document.createElement('canvas'); c.width = i.naturalWidth; c.height = i.naturalHeight; "
                + "c.getContext('2d').drawImage(i, 0, 0); return c.toDataURL('image/png'); }");
        java.awt.image.BufferedImage draft = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                java.util.Base64.getDecoder().decode(shown.substring(shown.indexOf(',') + 1))));
        java.awt.image.BufferedImage saved = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                admin.get("/api/v1/boards/bang-xem/snapshot.png").bytes()));
        // The draft's main region ends at x = 600 of 960: its text left of that, nothing right of it.
        assertThat(inked(draft, 0, 590)).as("the slide in the narrowed main region").isTrue();
        assertThat(inked(draft, 610, 960)).as("right of the narrowed main region").isFalse();
        assertThat(inked(saved, 610, 960)).as("the board itself still shows its saved (full-screen) layout").isTrue();
        assertThat(admin.get("/api/v1/boards/bang-xem").json().getString("layout")).as("nothing saved").isEqualTo("full");
        assertThat(page.locator(".layout-preview img.layout-snapshot")).hasAttribute("src",
                java.util.regex.Pattern.compile("^blob:"));

        page.getByLabel("Bắt đầu từ bố cục").selectOption("bo-cuc-tam");
        String[] asked = new String[1];
        page.onceDialog(d -> {
            asked[0] = d.message();
            d.accept();
        });
        page.getByText("Xoá bố cục").click();
        assertThat(page.locator(".layout-status")).hasText("Đã xoá bố cục bo-cuc-tam.");
        assertThat(asked[0]).isEqualTo("Xoá bố cục bo-cuc-tam? Không hoàn tác được.");
        assertThat(page.locator("#layout-template option[value='bo-cuc-tam']")).hasCount(0);
        assertThat(admin.get("/api/v1/layouts").array().stream().map(o -> (io.vertx.core.json.JsonObject) o)
                .map(l -> l.getString("name"))).doesNotContain("bo-cuc-tam");
        Browser.screenshot(page, Screenshots.dir(), "layout-editor-delete");
    }

    /** Whether any pixel between columns x0 and x1, in the main band of header-main-ticker on 960×540, differs from the
     * band's bottom-right corner (the background). */
    private static boolean inked(java.awt.image.BufferedImage image, int x0, int x1) {
        int background = image.getRGB(959, 485);
        for (int y = 75; y < 485; y++) {
            for (int x = x0; x < x1; x++) {
                if (image.getRGB(x, y) != background) {
                    return true;
                }
            }
        }
        return false;
    }
}
