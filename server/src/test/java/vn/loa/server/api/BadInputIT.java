package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.notice;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/** Every bad request gets a 4xx with {@code {"error","message"}}, never a 500, and nothing is half-written. */
class BadInputIT extends ApiSuite {

    private int count(String path) {
        return province.admin.get(path).array().size();
    }

    @Test
    void malformedJsonIsRefused() {
        int before = count("/api/v1/zones");
        var reply = province.admin.send("POST", "/api/v1/zones", "{\"id\": \"thon-x\", \"name\": ", "application/json");

        assertRefused(reply, 400, "malformed_json");
        assertThat(count("/api/v1/zones")).isEqualTo(before);
    }

    @Test
    void brokenEncodingIsRefused() {
        int before = count("/api/v1/zones");
        byte[] latin1 = "{\"id\":\"thon-q\",\"name\":\"Thôn Quyết\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] truncated = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, '"', '}'};

        assertRefused(province.admin.sendBytes("POST", "/api/v1/zones", latin1, "application/json"), 400, "malformed_json");
        assertRefused(province.admin.sendBytes("POST", "/api/v1/zones", truncated, "application/json"), 400, "malformed_json");
        assertThat(count("/api/v1/zones")).isEqualTo(before);
    }

    @Test
    void wrongTypesAndMissingFieldsAreRefused() {
        assertRefused(province.admin.post("/api/v1/zones", new JsonObject().put("id", "thon-y").put("name", 42)),
                400, "invalid_request");
        assertRefused(province.admin.post("/api/v1/zones", new JsonObject().put("id", "thon-y")), 400, "invalid_request");
        assertRefused(province.clerkA.post("/api/v1/announcements", new JsonObject().put("title", "Không có vùng")),
                400, "invalid_request");
        assertRefused(province.clerkA.post("/api/v1/announcements",
                notice("Sai mức ưu tiên", "thon-a1").put("priority", "URGENT")), 400, "invalid_request");
        assertRefused(province.clerkA.post("/api/v1/announcements",
                notice("Trường lạ", "thon-a1").put("volume", 11)), 400, "invalid_request");
    }

    @Test
    void noticeWithoutContentIsRefused() {
        JsonObject empty = notice("Trống", "thon-a1");
        empty.remove("text");

        assertRefused(province.clerkA.post("/api/v1/announcements", empty), 400, "missing_content");
        assertRefused(province.clerkA.post("/api/v1/announcements", notice("Chỉ thẻ", "thon-a1").put("text", "<script></script>")),
                400, "missing_content");
    }

    @Test
    void unknownZonesAndNodesAreRefused() {
        assertRefused(province.clerkA.post("/api/v1/announcements", notice("Không có thôn", "thon-khong-co")),
                400, "unknown_zone");
        assertRefused(province.admin.post("/api/v1/zones", Province.zone("thon-z", "Thôn Z", "xa-khong-co")),
                400, "unknown_zone");
        assertRefused(province.technicianA.get("/api/v1/nodes/loa-khong-co"), 404, "not_found");
        assertRefused(province.clerkA.get("/api/v1/announcements/999999999"), 404, "not_found");
    }

    @Test
    void duplicateIdsAreRefusedEvenWhenRacing() throws Exception {
        String id = Province.unique("thon-dua");
        List<CompletableFuture<Api.Reply>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(CompletableFuture.supplyAsync(() ->
                    province.admin.post("/api/v1/zones", Province.zone(id, "Thôn đua", "xa-a"))));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var racer : racers) {
            statuses.add(racer.get().status());
        }

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertRefused(province.admin.post("/api/v1/zones", Province.zone(id, "Lần nữa", "xa-a")), 409, "duplicate_id");
    }

    @Test
    void bodyOverTheLimitIsRefused() {
        int before = count("/api/v1/zones");
        String huge = "{\"id\":\"thon-to\",\"name\":\"" + "a".repeat(200_000) + "\"}";

        var reply = province.admin.send("POST", "/api/v1/zones", huge, "application/json");

        assertRefused(reply, 413, "body_too_large");
        assertThat(count("/api/v1/zones")).isEqualTo(before);
    }

    @Test
    void unauthenticatedAndForgedCallsAreRefused() {
        assertRefused(anonymous().get("/api/v1/announcements"), 401, "unauthorized");
        assertRefused(new Api(server.baseUrl(), "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJl")
                .get("/api/v1/zones"), 401, "unauthorized");
        var wrongScheme = anonymous().send("GET", "/api/v1/zones", null, null);
        assertThat(wrongScheme.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void wrongRolesAreRefused() {
        assertRefused(province.clerkA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa").put("zone", "thon-a1").put("kind", "agent")), 403, "forbidden");
        assertRefused(province.technicianA.post("/api/v1/announcements", notice("Kỹ thuật", "thon-a1")), 403, "forbidden");
        assertRefused(province.clerkA.get("/api/v1/users"), 403, "forbidden");
        assertRefused(province.clerkA.get("/api/v1/audit"), 403, "forbidden");
        assertRefused(province.clerkA.post("/api/v1/zones", Province.zone(Province.unique("thon"), "T", "xa-a")),
                403, "forbidden");
    }

    @Test
    void pathTraversalInIdsIsRefused() {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e", "thon%00a", "THON-A1", "a%20b")) {
            var reply = province.admin.get("/api/v1/nodes/" + id);
            assertThat(reply.status()).as(id + " → " + reply).isIn(400, 404);
            assertThat(reply.json().getString("error")).isNotBlank();
        }
        assertRefused(province.admin.post("/api/v1/zones", Province.zone("../../etc", "Leo thư mục", "xa-a")),
                400, "invalid_request");
    }

    @Test
    void unknownPathsAndMethodsAreRefusedAsJson() {
        assertRefused(province.admin.get("/api/v1/khong-co"), 404, "not_found");
        assertThat(province.admin.send("PATCH", "/api/v1/zones", "{}", "application/json").status()).isIn(404, 405);
    }

    @Test
    void badQueryParametersAreRefused() {
        assertRefused(province.clerkA.get("/api/v1/announcements?limit=abc"), 400, "invalid_request");
        assertRefused(province.clerkA.get("/api/v1/announcements?limit=100000"), 400, "invalid_request");
        assertRefused(province.clerkA.get("/api/v1/announcements?state=ON_FIRE"), 400, "invalid_request");
        assertRefused(province.admin.get("/api/v1/audit?from=hom-qua"), 400, "invalid_request");
    }

    @Test
    void badScheduleAndRelayAreRefused() {
        assertRefused(province.clerkA.post("/api/v1/announcements", notice("Giờ sai", "thon-a1")
                .put("schedule", new JsonObject().put("at", "28/11/2026 7h30"))), 400, "invalid_schedule");
        JsonObject relay = notice("Tiếp sóng", "thon-a1").put("relayUrl", "file:///etc/passwd");
        relay.remove("text");
        assertRefused(province.clerkA.post("/api/v1/announcements", relay), 400, "invalid_relay_url");
        assertRefused(province.clerkA.post("/api/v1/announcements", notice("Tệp lạ", "thon-a1").put("audioId", "khong-co")),
                400, "unknown_audio");
    }

    @Test
    void aRepeatingRuleThatNeverAirsOrAirsTooOftenIsRefusedNamingTheField() {
        int before = province.clerkA.get("/api/v1/announcements?limit=500").array().size();
        String at = java.time.Instant.now().plusSeconds(3600).atOffset(java.time.ZoneOffset.ofHours(7)).toString();
        // 30 February: a valid Quartz rule that never airs (it used to be stored, then broadcast answered 500).
        Api.Reply never = province.clerkA.post("/api/v1/announcements", notice("Ngày không có", "thon-a1")
                .put("schedule", new JsonObject().put("at", at).put("cron", "0 0 0 30 2 ?")));
        // Before its end: the only 6:30 after the start is past 'until'.
        Api.Reply endsFirst = province.clerkA.post("/api/v1/announcements", notice("Hết trước", "thon-a1")
                .put("schedule", new JsonObject().put("at", "2030-01-01T07:00:00+07:00").put("cron", "0 30 6 * * ?")
                        .put("until", "2030-01-02T06:00:00+07:00")));
        // Every 5 s, where the test server allows every 10 s at most (LOA_SCHEDULE_MIN_INTERVAL).
        Api.Reply tooOften = province.clerkA.post("/api/v1/announcements", notice("Quá dày", "thon-a1")
                .put("schedule", new JsonObject().put("at", at).put("cron", "0/5 * * * * ?")));

        for (Api.Reply reply : List.of(never, endsFirst, tooOften)) {
            assertRefused(reply, 400, "invalid_schedule");
            assertThat(reply.json().getString("message")).contains("schedule.cron");
            assertThat(reply.json().getString("field")).isEqualTo("schedule.cron");
        }
        assertThat(tooOften.json().getString("message")).contains("10 giây");
        assertThat(province.clerkA.get("/api/v1/announcements?limit=500").array()).hasSize(before);
    }

    @Test
    void datesOutsideTheYearsAServerCanMeanAreRefused() {
        assertRefused(province.clerkA.get("/api/v1/schedule?from=%2B999999999-01-01T00:00:00Z"), 400, "invalid_window");
        assertRefused(province.clerkA.get("/api/v1/schedule?to=-999999999-01-01T00:00:00Z"), 400, "invalid_window");
        assertRefused(province.admin.get("/api/v1/audit?from=%2B999999999-01-01T00:00:00Z"), 400, "invalid_request");
        assertRefused(province.clerkA.post("/api/v1/announcements", notice("Năm xa", "thon-a1")
                .put("schedule", new JsonObject().put("at", "+99999-01-01T07:00:00+07:00"))), 400, "invalid_schedule");
    }

    @Test
    void namesWithControlCharactersAreRefusedAtInput() {
        int zones = count("/api/v1/zones");
        Api.Reply newline = province.admin.post("/api/v1/zones", Province.zone("thon-xuong-dong", "Thôn\nXuống dòng", "xa-a"));
        Api.Reply escape = province.admin.post("/api/v1/zones", Province.zone("thon-esc", "Thôn \u001b[31mĐỏ", "xa-a"));
        Api.Reply tab = province.admin.post("/api/v1/nodes", new JsonObject().put("id", "loa-tab").put("name", "Loa\tTab")
                .put("zone", "thon-a1").put("kind", "rtp").put("address", "127.0.0.1:9"));
        Api.Reply person = province.admin.post("/api/v1/users", new JsonObject().put("username", "ky-tu-la")
                .put("role", "clerk").put("password", Province.PASSWORD).put("displayName", "Cán bộ\r\nX-Injected: 1"));

        for (Api.Reply reply : List.of(newline, escape, tab, person)) {
            assertRefused(reply, 400, "invalid_name");
        }
        assertThat(newline.json().getString("message")).contains("'name'");
        assertThat(newline.json().getString("field")).isEqualTo("name");
        assertThat(person.json().getString("field")).isEqualTo("displayName");
        assertThat(count("/api/v1/zones")).isEqualTo(zones);
        assertThat(province.admin.get("/api/v1/zones/thon-xuong-dong").status()).isEqualTo(404);
    }
}
