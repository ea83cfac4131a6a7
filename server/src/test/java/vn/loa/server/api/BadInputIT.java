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
}
