package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/**
 * Plugins through the API: listed with their state, enabled and configured by admins with settings the plugin
 * validates, their content proposed as drafts once per item, and their own routes under /api/v1/plugins/{name}/.
 * Uses the test plugin {@code echo} (server/src/test/.../plugin/EchoPlugin).
 */
class PluginsIT extends ApiSuite {

    static JsonObject plugin(Api api, String name) {
        return api.get("/api/v1/plugins").array().stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals(name)).findFirst().orElseThrow();
    }

    static JsonObject waitForPlugin(Api api, String name, Predicate<JsonObject> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> plugin(api, name), condition);
    }

    static List<JsonObject> announcements(Api api, String title) {
        return api.get("/api/v1/announcements?limit=500").array().stream().map(JsonObject.class::cast)
                .filter(a -> a.getString("title").equals(title)).toList();
    }

    static JsonObject item(String key, String title, String zone) {
        return new JsonObject().put("key", key).put("title", title)
                .put("text", "Kính mời bà con dự họp tại nhà văn hóa <b>thôn</b>.").put("zones", new JsonArray().add(zone));
    }

    @Test
    void foundPluginsAreListedDisabledWithWhatTheyContribute() {
        JsonObject echo = plugin(province.admin, "echo");
        assertThat(echo.getString("state")).as("other tests may have enabled it").isNotEqualTo("FAILED");
        assertThat(echo.getJsonArray("capabilities").getList()).containsExactly("content", "alerts", "outbound", "routes");
        assertThat(echo.getString("origin")).isEqualTo("classpath");
        assertThat(echo.getInteger("apiVersion")).isEqualTo(1);
        assertThat(echo.containsKey("settings")).as("admins see settings").isTrue();
        assertThat(plugin(province.clerkA, "echo").containsKey("settings")).as("clerks do not").isFalse();
        assertThat(province.clerkA.get("/api/v1/plugins/echo").json().getString("name")).isEqualTo("echo");
    }

    @Test
    void onlyAnAdminConfiguresAPlugin() {
        assertRefused(province.clerkA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)), 403, "forbidden");
        assertRefused(province.technicianA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)), 403,
                "forbidden");
    }

    @Test
    void settingsThePluginRefusesAreA400WithItsOwnMessageAndNothingIsStored() {
        var reply = province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)
                .put("settings", new JsonObject().put("items", new JsonArray().add(new JsonObject().put("text", "x")))));
        assertRefused(reply, 400, "invalid_settings");
        assertThat(reply.json().getString("message")).contains("tiêu đề");
        var wrongType = province.adminA.put("/api/v1/plugins/echo", new JsonObject()
                .put("settings", new JsonObject().put("items", "không phải danh sách")));
        assertRefused(wrongType, 400, "invalid_settings");
        assertThat(wrongType.json().getString("message")).contains("items");
    }

    @Test
    void badRequestsForPluginsAreClearRefusals() {
        assertRefused(province.admin.put("/api/v1/plugins/khong-co", new JsonObject().put("enabled", true)), 404,
                "not_found");
        assertRefused(province.admin.get("/api/v1/plugins/khong-co"), 404, "not_found");
        assertThat(province.admin.put("/api/v1/plugins/echo", new JsonObject().put("enable", true)).status())
                .isEqualTo(400);
        assertThat(province.admin.put("/api/v1/plugins/echo", new JsonObject().put("enabled", "có")).status())
                .isEqualTo(400);
        assertRefused(province.clerkA.get("/api/v1/plugins/khong-co/items"), 404, "not_found");
        assertThat(anonymous().get("/api/v1/plugins").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/v1/plugins/echo/aired").status()).isEqualTo(401);
    }

    @Test
    void contentFromAnEnabledSourceBecomesOneDraftPerItemByThePluginsOwnUser() throws Exception {
        String first = Province.unique("Họp thôn");
        JsonObject settings = new JsonObject().put("items", new JsonArray().add(item("a-" + first, first, "thon-a1")));
        JsonObject saved = province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)
                .put("settings", settings)).json();
        assertThat(saved.getBoolean("enabled")).isTrue();
        assertThat(saved.getString("unit")).isEqualTo("xa-a");
        waitForPlugin(province.adminA, "echo", p -> p.getString("state").equals("RUNNING"));

        waitFor(() -> announcements(province.clerkA, first).size() == 1);
        // A second item arrives later; by then the first has been polled many times over.
        String second = Province.unique("Tiêm phòng");
        settings.getJsonArray("items").add(item("b-" + second, second, "thon-a1"));
        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("settings", settings));
        waitFor(() -> announcements(province.clerkA, second).size() == 1);

        List<JsonObject> drafts = announcements(province.clerkA, first);
        assertThat(drafts).hasSize(1);
        JsonObject draft = drafts.get(0);
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        assertThat(draft.getString("createdBy")).isEqualTo("plugin:echo@xa-a");
        assertThat(draft.getString("text")).contains("<b>thôn</b>");
        assertThat(province.adminA.get("/api/v1/audit?limit=200").array().stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("actor").equals("plugin:echo@xa-a")
                        && e.getString("action").equals("announcement.create"))).isTrue();
        assertThat(province.adminA.get("/api/v1/audit?limit=200").array().stream().map(JsonObject.class::cast)
                .anyMatch(e -> e.getString("actor").equals("admin-a") && e.getString("action").equals("plugin.enable")))
                .isTrue();
        // The clerk reviews and sends it on as any draft.
        assertThat(province.clerkA.post("/api/v1/announcements/" + draft.getLong("id") + "/submit", null).status())
                .isEqualTo(200);
    }

    @Test
    void contentForAZoneOutsideThePluginsUnitIsRefusedAndShownAsTheReason() throws Exception {
        String title = Province.unique("Ngoài xã");
        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true).put("settings",
                new JsonObject().put("items", new JsonArray().add(item("x-" + title, title, "thon-b1")))));
        JsonObject p = waitForPlugin(province.adminA, "echo", x -> x.getString("state").equals("DEGRADED"));
        assertThat(p.getString("reason")).isNotBlank();
        assertThat(announcements(province.admin, title)).isEmpty();
        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("settings", new JsonObject()));
        waitForPlugin(province.adminA, "echo", x -> x.getString("state").equals("RUNNING"));
    }

    @Test
    void aPluginsOwnRoutesAnswerUnderItsNameAndADisabledOneIsAConflict() throws Exception {
        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true));
        waitForPlugin(province.adminA, "echo", p -> p.getBoolean("enabled"));
        Api.Reply aired = province.clerkA.get("/api/v1/plugins/echo/aired");
        assertThat(aired.status()).isEqualTo(200);
        assertThat(aired.body()).startsWith("[");
        assertRefused(province.clerkA.get("/api/v1/plugins/echo/khong-co"), 404, "not_found");

        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", false));
        assertThat(plugin(province.adminA, "echo").getString("state")).isEqualTo("DISABLED");
        assertRefused(province.clerkA.get("/api/v1/plugins/echo/aired"), 409, "plugin_not_running");
    }

    @Test
    void secretsInSettingsAreMaskedInAnswersAndTheAuditAndAMaskSentBackKeepsThem() throws Exception {
        JsonObject settings = new JsonObject().put("password", "mat-khau-smtp")
                .put("headers", new JsonObject().put("access_token", "tk-zalo").put("accept", "json"));
        JsonObject saved = province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)
                .put("settings", settings)).json();
        assertThat(saved.getJsonObject("settings").encode()).doesNotContain("mat-khau-smtp").doesNotContain("tk-zalo")
                .contains("\"accept\":\"json\"");
        assertThat(province.adminA.get("/api/v1/audit?limit=200").body()).doesNotContain("mat-khau-smtp")
                .doesNotContain("tk-zalo");

        // The admin changes something else and sends the masked settings back as they were shown.
        JsonObject shown = plugin(province.adminA, "echo").getJsonObject("settings").put("extra", 1);
        assertThat(province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("settings", shown)).status())
                .isEqualTo(200);
        waitForPlugin(province.adminA, "echo", p -> p.getBoolean("enabled"));
        assertThat(province.adminA.get("/api/v1/plugins/echo/password").body()).isEqualTo("\"mat-khau-smtp\"");
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(30)).until(condition::getAsBoolean);
    }
}
