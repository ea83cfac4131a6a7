package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/**
 * Alerts from upstream systems: JSON with an API key, and OASIS CAP 1.2 mapped to zones by area names; Update and
 * Cancel act on earlier alerts; dangerous or invalid XML is refused, logged and audited.
 */
class AlertsIT extends ApiSuite {

    /** Alerts air real audio; one database is enough for the rows they store. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String key;

    @org.junit.jupiter.api.BeforeEach
    void keyAndAreas() {
        if (key != null) {
            return;
        }
        // A speaker in the village the CAP areas name, so that what they air has somewhere to go.
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-dong"))
                .put("name", "Loa thôn Đông").put("zone", "thon-a1").put("kind", "rtp").put("address", "127.0.0.1:9")));
        key = created(province.adminA.post("/api/v1/alerts/keys", new JsonObject().put("name", "Trạm đo mưa")))
                .json().getString("key");
        assertThat(province.adminA.put("/api/v1/alerts/areas", new JsonObject().put("areas", new JsonArray()
                .add(new JsonObject().put("name", "Thôn Đông, xã An Bình").put("zones", new JsonArray().add("thon-a1")))
                .add(new JsonObject().put("name", "VN-AB-01").put("zones", new JsonArray().add("thon-a1")))))
                .status()).isEqualTo(200);
    }

    static Api.Reply post(String body, String contentType, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/alerts"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Api.Reply(r.statusCode(), r.body(), r.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String cap(String identifier, String msgType, String references, String severity, String area) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>kttv@nchmf.gov.vn</sender>
                  <sent>2026-12-01T10:00:00+07:00</sent>
                  <status>Actual</status>
                  <msgType>%s</msgType>
                  <scope>Public</scope>
                  %s
                  <info>
                    <language>vi-VN</language>
                    <category>Met</category>
                    <event>Lũ quét</event>
                    <urgency>Immediate</urgency>
                    <severity>%s</severity>
                    <certainty>Observed</certainty>
                    <headline>Cảnh báo lũ quét</headline>
                    <description>Nước sông đang lên nhanh.</description>
                    <instruction>Bà con sơ tán lên vùng cao ngay.</instruction>
                    <area>
                      <areaDesc>%s</areaDesc>
                      <geocode><valueName>loa</valueName><value>VN-KHONG-CO</value></geocode>
                    </area>
                  </info>
                </alert>
                """.formatted(identifier, msgType, references == null ? "" : "<references>" + references
                + "</references>", severity, area);
    }

    /** CAP's dateTime: always with seconds (OffsetDateTime.toString drops ":00"). */
    static String capTime(java.time.OffsetDateTime t) {
        return t.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
    }

    @Test
    void jsonAlertWithAnApiKeyAirsAtOnceAsAnEmergency() throws Exception {
        String zone = Province.unique("thon-canh-bao");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Cảnh Báo", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));

            Api.Reply reply = post(new JsonObject().put("headline", "Cháy rừng").put("text", "Bà con tránh xa khu rừng.")
                    .put("zones", new JsonArray().add(zone)).put("severity", "Minor").encode(), "application/json", key);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().getString("outcome")).isEqualTo("aired");
            long id = reply.json().getJsonArray("announcements").getLong(0);
            List<RtpPacket> packets = speaker.receive(1500, 30_000);
            assertThat(packets.size() * 0.02).as("seconds heard").isGreaterThan(1.5);
            JsonObject announcement = province.adminA.get("/api/v1/announcements/" + id).json();
            assertThat(announcement.getString("priority")).isEqualTo("EMERGENCY");
            assertThat(announcement.getString("createdBy")).isEqualTo("admin-a");
        }
    }

    @Test
    void aKeyStopsWorkingWhenTheAdminWhoMadeItIsDisabledOrDemoted() {
        String maker = Province.unique("admin-tam");
        Api tam = province.user(maker, "admin", "xa-a");
        String made = created(tam.post("/api/v1/alerts/keys", new JsonObject().put("name", "Nút báo động chợ"))).json()
                .getString("key");
        String elsewhere = new JsonObject().put("headline", "Thử").put("zones", new JsonArray().add("thon-b1")).encode();
        assertRefused(post(elsewhere, "application/json", made), 400, "unknown_zone");

        assertThat(province.adminA.put("/api/v1/users/" + maker, new JsonObject().put("enabled", false)).status())
                .isEqualTo(200);
        assertRefused(post(elsewhere, "application/json", made), 401, "unauthorized");
        assertThat(province.adminA.get("/api/v1/alerts/keys").array().stream().map(JsonObject.class::cast)
                .filter(k -> k.getString("owner").equals(maker)).findFirst().orElseThrow().getBoolean("active"))
                .as("listed as not working").isFalse();

        province.adminA.put("/api/v1/users/" + maker, new JsonObject().put("enabled", true).put("role", "clerk"));
        assertRefused(post(elsewhere, "application/json", made), 401, "unauthorized");
        province.adminA.put("/api/v1/users/" + maker, new JsonObject().put("role", "admin"));
        assertRefused(post(elsewhere, "application/json", made), 400, "unknown_zone");
    }

    @Test
    void keysAreShownOnceAndARevokedOrWrongKeyIsRefused() {
        JsonObject made = created(province.adminA.post("/api/v1/alerts/keys", new JsonObject().put("name", "Nút báo động")))
                .json();
        JsonArray listed = province.adminA.get("/api/v1/alerts/keys").array();
        assertThat(listed.encode()).contains("Nút báo động").doesNotContain(made.getString("key"));
        String body = new JsonObject().put("headline", "Thử").put("zones", new JsonArray().add("thon-a1")).encode();

        assertRefused(post(body, "application/json", "loa_sai"), 401, "unauthorized");
        assertThat(province.adminA.delete("/api/v1/alerts/keys/" + made.getLong("id")).status()).isEqualTo(204);
        assertRefused(post(body, "application/json", made.getString("key")), 401, "unauthorized");
        assertRefused(province.clerkA.post("/api/v1/alerts/keys", new JsonObject().put("name", "x")), 403, "forbidden");
        assertRefused(post(new JsonObject().put("headline", "Xã khác").put("zones", new JsonArray().add("thon-b1"))
                .encode(), "application/json", key), 400, "unknown_zone");
    }

    @Test
    void capAlertIsMappedToZonesByItsAreaNameAndAired() throws Exception {
        Api.Reply reply = post(cap("cap-1", "Alert", null, "Severe", "Thôn  ĐÔNG, xã An Bình"), "application/cap+xml", key);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject answer = reply.json();
        assertThat(answer.getString("outcome")).isEqualTo("aired");
        assertThat(answer.getJsonArray("zones").getList()).containsExactly("thon-a1");
        assertThat(answer.getJsonArray("unmatchedAreas").getList()).containsExactly("VN-KHONG-CO");
        JsonObject announcement = province.adminA.get("/api/v1/announcements/"
                + answer.getJsonArray("announcements").getLong(0)).json();
        assertThat(announcement.getString("priority")).isEqualTo("EMERGENCY");
        assertThat(announcement.getInteger("repeat")).isEqualTo(2);
        assertThat(announcement.getString("text")).contains("Cảnh báo lũ quét").contains("sơ tán");
    }

    @Test
    void capCancelAndUpdateActOnTheAlertTheyReference() throws Exception {
        JsonObject first = post(cap("cap-2", "Alert", null, "Extreme", "VN-AB-01"), "application/xml", key).json();
        long firstId = first.getJsonArray("announcements").getLong(0);

        JsonObject update = post(cap("cap-3", "Update", "kttv@nchmf.gov.vn,cap-2,2026-12-01T10:00:00+07:00",
                "Extreme", "VN-AB-01"), "application/cap+xml", key).json();
        assertThat(update.getString("outcome")).isEqualTo("aired");
        assertThat(province.adminA.get("/api/v1/announcements/" + firstId).json().getString("state"))
                .isEqualTo("CANCELLED");

        JsonObject cancel = post(cap("cap-4", "Cancel", "kttv@nchmf.gov.vn,cap-3,2026-12-01T10:00:00+07:00",
                "Extreme", "VN-AB-01"), "application/cap+xml", key).json();
        assertThat(cancel.getString("outcome")).isEqualTo("cancelled");
        long updateId = update.getJsonArray("announcements").getLong(0);
        assertThat(cancel.getJsonArray("announcements").getLong(0)).isEqualTo(updateId);
        assertThat(province.adminA.get("/api/v1/announcements/" + updateId).json().getString("state"))
                .isEqualTo("CANCELLED");
        assertRefused(post(cap("cap-4", "Cancel", "kttv@nchmf.gov.vn,cap-3,2026-12-01T10:00:00+07:00",
                "Extreme", "VN-AB-01"), "application/cap+xml", key), 409, "duplicate_alert");
        assertRefused(post(cap("cap-5", "Cancel", "kttv@nchmf.gov.vn,khong-co,2026-12-01T10:00:00+07:00",
                "Extreme", "VN-AB-01"), "application/cap+xml", key), 422, "unknown_reference");
    }

    @Test
    void anAlertAirsAgainByItsUnitsPlanUntilACancelStopsIt() throws Exception {
        // A village of its own, reached by a geocode, so no other test's emergency queues ahead of this one.
        String zone = Province.unique("thon-lap");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Lặp", "xa-a")));
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa-lap"))
                .put("name", "Loa thôn Lặp").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:9")));
        String silent = Province.unique("loa-mat-ket-noi");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", silent)
                .put("name", "Loa chưa kết nối").put("zone", zone).put("kind", "agent")));
        String code = Province.unique("LAP");
        assertThat(province.adminA.put("/api/v1/zones/" + zone + "/geocode", new JsonObject().put("valueName", "loa")
                .put("value", code)).status()).isEqualTo(200);
        assertRefused(province.clerkA.put("/api/v1/alerts/plans", new JsonObject().put("plans", new JsonArray())),
                403, "forbidden");
        JsonObject plans = province.adminA.put("/api/v1/alerts/plans", new JsonObject().put("plans", new JsonArray()
                .add(new JsonObject().put("event", "Lũ quét thử lặp").put("severity", "Extreme").put("tone", false)
                        .put("plays", 1).put("airings", 5).put("pauseSeconds", 1)))).json();
        assertThat(plans.getJsonArray("plans")).hasSize(1);
        String identifier = Province.unique("cap-lap");
        String expires = capTime(java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).plusHours(1));
        String alert = cap(identifier, "Alert", null, "Extreme", "Thôn Lặp").replace("VN-KHONG-CO", code)
                .replace("<event>Lũ quét</event>", "<event>Lũ quét thử lặp</event>")
                .replace("<certainty>Observed</certainty>", "<certainty>Observed</certainty><expires>" + expires
                        + "</expires>");

        String board = Province.unique("bang-lap");
        created(province.admin.post("/api/v1/boards", new JsonObject().put("id", board).put("name", "Bảng thôn Lặp")
                .put("zone", zone).put("kind", "LCD").put("width", 320).put("height", 180)));
        var screens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket player = BoardContentIT.playerSocket(board, screens);

        JsonObject answer = created(post(alert, "application/cap+xml", key)).json();

        assertThat(answer.getJsonArray("zones").getList()).containsExactly(zone);
        String detail = "/api/v1/alerts/" + answer.getLong("id");
        assertThat(province.adminA.get(detail).json().getString("expires")).isEqualTo(
                java.time.OffsetDateTime.parse(expires).toInstant().toString());
        org.awaitility.Awaitility.await("a second airing after the first ended").atMost(java.time.Duration.ofSeconds(90))
                .until(() -> province.adminA.get(detail).json().getJsonArray("airings").size() >= 2);
        JsonArray airings = province.adminA.get(detail).json().getJsonArray("airings");
        assertThat(airings.getJsonObject(0).getString("state")).as("the first aired to its end").isEqualTo("DONE");
        JsonObject second = province.adminA.get("/api/v1/announcements/"
                + airings.getJsonObject(1).getLong("announcement")).json();
        assertThat(second.getString("priority")).isEqualTo("EMERGENCY");
        assertThat(second.getBoolean("chime")).as("the plan's tone: none").isFalse();
        JsonObject down = province.adminA.get(detail).json().getJsonArray("speakers").stream()
                .map(JsonObject.class::cast).filter(x -> x.getString("node").equals(silent)).findFirst().orElseThrow();
        assertThat(down.getBoolean("down")).as("a speaker that never connected is reported down").isTrue();
        assertThat(down.getString("why")).contains("chưa kết nối");
        assertThat(down.getInteger("aired")).isZero();
        assertThat(province.adminA.get(detail).json().getJsonArray("speakers").stream().map(JsonObject.class::cast)
                .filter(x -> !x.getString("node").equals(silent))).as("the other speaker aired")
                .allSatisfy(x -> assertThat(x.getInteger("aired")).isGreaterThanOrEqualTo(1));

        org.awaitility.Awaitility.await("the second airing on air").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !province.adminA.get("/api/v1/announcements/" + airings.getJsonObject(1)
                        .getLong("announcement")).json().getString("state").matches("QUEUED|SCHEDULED|APPROVED"));
        long alertEnd = java.time.OffsetDateTime.parse(expires).toInstant().toEpochMilli();
        java.util.function.Supplier<List<Long>> bannerEnds = () -> screens.stream().map(x -> x.getJsonObject("banner"))
                .filter(java.util.Objects::nonNull).map(b -> b.getLong("until")).distinct().toList();
        org.awaitility.Awaitility.await("the board's banners while the second airing plays")
                .during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(4))
                .until(() -> bannerEnds.get().equals(List.of(alertEnd)));
        player.abort();
        assertThat(bannerEnds.get()).as("one banner through every airing, ending with the alert, not a minute after one")
                .containsExactly(alertEnd);

        JsonObject cancel = created(post(cap(Province.unique("cap-lap-huy"), "Cancel", "kttv@nchmf.gov.vn," + identifier
                + ",2026-12-01T10:00:00+07:00", "Extreme", "Thôn Lặp"), "application/cap+xml", key)).json();
        assertThat(cancel.getString("outcome")).isEqualTo("cancelled");

        JsonObject after = province.adminA.get(detail).json();
        assertThat(after.getInteger("airingsLeft")).isZero();
        int aired = after.getJsonArray("airings").size();
        assertThat(aired).as("stopped before its five airings").isLessThan(5);
        org.awaitility.Awaitility.await("no airing after the Cancel").during(java.time.Duration.ofSeconds(3))
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> province.adminA.get(detail).json().getJsonArray("airings").stream()
                        .map(JsonObject.class::cast).noneMatch(x -> x.getString("state").equals("ON_AIR"))
                        && province.adminA.get(detail).json().getJsonArray("airings").size() == aired);
    }

    @Test
    void eachZoneHearsTheBlocksOfItsLanguagesInOrderAndABlockWithoutAVoiceIsShownUntilTheAlertExpires()
            throws Exception {
        String tourist = Province.unique("thon-du-lich");
        String village = Province.unique("thon-viet");
        created(province.admin.post("/api/v1/zones", Province.zone(tourist, "Khu du lịch", "xa-a")));
        created(province.admin.post("/api/v1/zones", Province.zone(village, "Thôn Việt", "xa-a")));
        String code = Province.unique("NN");
        for (String zone : List.of(tourist, village)) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:9")));
            province.adminA.put("/api/v1/zones/" + zone + "/geocode", new JsonObject().put("valueName", "loa")
                    .put("value", code));
        }
        assertRefused(province.adminA.put("/api/v1/zones/" + tourist + "/languages", new JsonObject()
                .put("languages", new JsonArray().add("en"))), 400, "invalid_languages");
        JsonObject place = province.adminA.put("/api/v1/zones/" + tourist + "/languages", new JsonObject()
                .put("languages", new JsonArray().add("vi").add("en").add("bdq"))).json();
        assertThat(place.getJsonArray("languages").getList()).containsExactly("vi", "en", "bdq");
        String board = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", new JsonObject().put("id", board).put("name", "Bảng du lịch")
                .put("zone", tourist).put("kind", "LCD").put("width", 320).put("height", 180)));
        var screens = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket player = BoardContentIT.playerSocket(board, screens);
        java.time.OffsetDateTime expires = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7))
                .plusMinutes(30).withNano(0);
        String info = cap("x", "Alert", null, "Severe", "Khu du lịch").replaceAll("(?s).*(<info>.*</info>).*", "$1")
                .replace("VN-KHONG-CO", code).replace("<certainty>Observed</certainty>",
                        "<certainty>Observed</certainty><expires>" + capTime(expires) + "</expires>");
        String english = info.replace("vi-VN", "en-US").replace("Cảnh báo lũ quét", "Flash flood warning")
                .replace("Nước sông đang lên nhanh.", "The river is rising fast.")
                .replace("Bà con sơ tán lên vùng cao ngay.", "Move to high ground now.");
        String bahnar = info.replace("vi-VN", "bdq").replace("Cảnh báo lũ quét", "Pơtho đak hơlông")
                .replace("Nước sông đang lên nhanh.", "Đak krong jing hơlông.");
        String alert = cap(Province.unique("cap-ngon-ngu"), "Alert", null, "Severe", "x")
                .replaceAll("(?s)<info>.*</info>", java.util.regex.Matcher.quoteReplacement(bahnar + english + info));

        JsonObject answer = created(post(alert, "application/cap+xml", key)).json();

        List<String> parts = answer.getJsonArray("languages").stream().map(JsonObject.class::cast)
                .map(l -> l.getString("language") + "@" + l.getJsonArray("zones").getString(0) + ":"
                        + l.getBoolean("spoken") + (l.getBoolean("spoken") ? "" : "/" + l.getString("reason")))
                .toList();
        assertThat(parts).containsExactlyInAnyOrder("vi@" + tourist + ":true", "en@" + tourist + ":true",
                "bdq@" + tourist + ":false/no_voice", "vi@" + village + ":true");
        assertThat(parts.indexOf("vi@" + tourist + ":true")).as("Vietnamese first")
                .isLessThan(parts.indexOf("en@" + tourist + ":true"));
        JsonObject englishPart = answer.getJsonArray("languages").stream().map(JsonObject.class::cast)
                .filter(l -> l.getString("language").equals("en")).findFirst().orElseThrow();
        JsonObject spokenInEnglish = province.adminA.get("/api/v1/announcements/"
                + englishPart.getLong("announcement")).json();
        assertThat(spokenInEnglish.getString("text")).contains("Flash flood warning");
        assertThat(spokenInEnglish.getString("voice")).as("an English voice").startsWith("en");
        assertThat(answer.getJsonArray("announcements")).hasSize(3);

        JsonObject withBanner = null;
        for (JsonObject s = screens.poll(30, java.util.concurrent.TimeUnit.SECONDS); s != null;
                s = screens.poll(30, java.util.concurrent.TimeUnit.SECONDS)) {
            if (s.getJsonObject("banner") != null && s.getJsonObject("banner").getString("text").contains("Pơtho")) {
                withBanner = s.getJsonObject("banner");
                break;
            }
        }
        player.abort();
        assertThat(withBanner).as("the unspoken Bahnar block on the board").isNotNull();
        assertThat(withBanner.getString("text")).contains("Flash flood warning").contains("Nước sông đang lên nhanh");
        assertThat(withBanner.getLong("until")).as("the banner carries its expiry, for players cut off")
                .isEqualTo(expires.toInstant().toEpochMilli());
    }

    @Test
    void aPolledFeedBringsEachAlertInOnceHonoursNotModifiedAndBacksOffFromHostileOrFailingFeeds() throws Exception {
        String zone = Province.unique("thon-nguon");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Nguồn", "xa-a")));
        String code = Province.unique("NGUON");
        province.adminA.put("/api/v1/zones/" + zone + "/geocode", new JsonObject().put("valueName", "loa")
                .put("value", code));
        String identifier = Province.unique("cap-nguon");
        byte[] capXml = cap(identifier, "Alert", null, "Minor", "Thôn Nguồn").replace("VN-KHONG-CO", code)
                .getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicInteger notModified = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger capFetched = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer authority = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        authority.createContext("/feed.atom", x -> {
            if ("\"v1\"".equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                x.sendResponseHeaders(304, -1);
            } else {
                x.getResponseHeaders().add("ETag", "\"v1\"");
                reply(x, 200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <feed xmlns="http://www.w3.org/2005/Atom"><id>urn:kttv:feed</id><title>KTTV</title>
                        <updated>2026-12-07T10:00:00+07:00</updated>
                        <entry><id>urn:kttv:%s</id><title>Lũ</title><updated>2026-12-07T10:00:00+07:00</updated>
                        <link rel="alternate" type="application/cap+xml" href="/cap/%s.xml"/></entry></feed>
                        """.formatted(identifier, identifier).getBytes(StandardCharsets.UTF_8));
            }
            x.close();
        });
        authority.createContext("/cap/", x -> {
            capFetched.incrementAndGet();
            reply(x, 200, capXml);
        });
        authority.createContext("/hostile.atom", x -> reply(x, 200, """
                <?xml version="1.0"?>
                <!DOCTYPE feed [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <feed xmlns="http://www.w3.org/2005/Atom"><id>&xxe;</id></feed>
                """.getBytes(StandardCharsets.UTF_8)));
        authority.createContext("/broken.atom", x -> reply(x, 500, "lỗi".getBytes(StandardCharsets.UTF_8)));
        authority.start();
        String base = "http://127.0.0.1:" + authority.getAddress().getPort();
        try {
            assertRefused(province.clerkA.post("/api/v1/alerts/feeds", new JsonObject().put("url", base + "/feed.atom")),
                    403, "forbidden");
            assertRefused(province.adminA.post("/api/v1/alerts/feeds", new JsonObject().put("url", "file:///etc/passwd")),
                    400, "invalid_url");
            List<Long> feeds = new java.util.ArrayList<>();
            for (String path : List.of("/feed.atom", "/hostile.atom", "/broken.atom")) {
                feeds.add(created(province.adminA.post("/api/v1/alerts/feeds", new JsonObject()
                        .put("url", base + path).put("intervalSeconds", 1))).json().getLong("id"));
            }

            org.awaitility.Awaitility.await("the alert in, then the feed polled unchanged twice")
                    .atMost(java.time.Duration.ofSeconds(60)).until(() -> notModified.get() >= 2);

            long copies = province.adminA.get("/api/v1/alerts?limit=200").array().stream().map(JsonObject.class::cast)
                    .filter(a -> a.getString("identifier").equals(identifier)).count();
            assertThat(copies).as("ingested once").isEqualTo(1);
            assertThat(capFetched.get()).as("its CAP fetched once").isEqualTo(1);
            java.util.Map<Long, JsonObject> status = new java.util.HashMap<>();
            province.adminA.get("/api/v1/alerts/feeds").array().stream().map(JsonObject.class::cast)
                    .forEach(f -> status.put(f.getLong("id"), f));
            assertThat(status.get(feeds.get(0)).getString("lastStatus")).startsWith("304");
            assertThat(status.get(feeds.get(0)).getInteger("failures")).isZero();
            JsonObject hostile = status.get(feeds.get(1));
            assertThat(hostile.getString("lastStatus")).contains("dtd_forbidden").doesNotContain("root:");
            assertThat(hostile.getInteger("failures")).isPositive();
            assertThat(java.time.Duration.between(java.time.Instant.parse(hostile.getString("lastPolledAt")),
                    java.time.Instant.parse(hostile.getString("nextPollAt"))).toMillis()).as("backed off")
                    .isGreaterThanOrEqualTo(2000);
            assertThat(status.get(feeds.get(2)).getString("lastStatus")).isEqualTo("HTTP 500");
            for (long id : feeds) {
                assertThat(province.adminA.delete("/api/v1/alerts/feeds/" + id).status()).isEqualTo(204);
            }
            assertThat(province.adminA.get("/api/v1/audit?action=alert.feed.add").array()).hasSizeGreaterThanOrEqualTo(3);
        } finally {
            authority.stop(0);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange x, int status, byte[] body) throws java.io.IOException {
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void dangerousOrInvalidCapIsRefusedLoggedAndAudited() {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE alert [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&xxe;</identifier></alert>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"> ]>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol3;</identifier></alert>
                """;
        String wrongStatus = cap("cap-6", "Alert", null, "Severe", "VN-AB-01").replace("<status>Actual", "<status>Real");
        String noSender = cap("cap-7", "Alert", null, "Severe", "VN-AB-01").replaceAll("<sender>.*</sender>", "");

        Api.Reply xxe = post(external, "application/cap+xml", key);
        assertRefused(xxe, 400, "dtd_forbidden");
        assertThat(xxe.body()).doesNotContain("root:");
        assertRefused(post(laughs, "application/cap+xml", key), 400, "dtd_forbidden");
        assertRefused(post(wrongStatus, "application/cap+xml", key), 400, "invalid_cap");
        assertRefused(post(noSender, "application/cap+xml", key), 400, "invalid_cap");
        assertRefused(post("<alert", "application/xml", key), 400, "malformed_xml");
        assertRefused(post(cap("cap-8", "Alert", null, "Severe", "Xã Không Có"), "application/cap+xml", key), 422,
                "unknown_area");
        assertRefused(post("<a>" + "x".repeat(200_000) + "</a>", "application/cap+xml", key), 413, "body_too_large");
        assertRefused(post(cap("cap-9", "Alert", null, "Severe", "VN-AB-01"), "application/cap+xml", null), 401,
                "unauthorized");

        JsonArray refused = province.adminA.get("/api/v1/audit?action=alert.refused").array();
        assertThat(refused.encode()).contains("dtd_forbidden").contains("invalid_cap").contains("unknown_area")
                .contains("malformed_xml");
    }
}
