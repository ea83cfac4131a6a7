package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.PluginsIT.waitFor;
import static vn.loa.server.api.PluginsIT.waitForPlugin;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.plugin.UnrulyPlugin;
import vn.loa.server.testing.RtpCapture;

/**
 * Plugins and the air: a trigger's alert airs as an emergency and every aired notice reaches the outbound channels;
 * a plugin that throws, hangs or floods is reported and never holds up a broadcast.
 */
class PluginAirIT extends ApiSuite {

    /** These tests hear real audio; the database only stores rows, so one engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @AfterEach
    void calmDown() {
        UnrulyPlugin.release();
        province.adminA.put("/api/v1/plugins/unruly", new JsonObject().put("enabled", false));
        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", false));
    }

    private static String zoneWithSpeaker(RtpCapture speaker) {
        String zone = Province.unique("thon-plugin");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Ven Sông", "xa-a")));
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
        return zone;
    }

    private static void configure(String plugin, JsonObject settings) throws InterruptedException {
        assertThat(province.adminA.put("/api/v1/plugins/" + plugin, new JsonObject().put("enabled", true)
                .put("settings", settings)).status()).isEqualTo(200);
        waitForPlugin(province.adminA, plugin, p -> p.getBoolean("enabled"));
    }

    /** A notice composed, approved and broadcast by people, heard at the speaker until DONE. */
    private static List<RtpPacket> broadcastAndHear(String zone, RtpCapture speaker) throws Exception {
        long id = OnAirIT.approvedNotice("Thông báo", "Xin chào bà con.", zone, false);
        province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
        List<RtpPacket> heard = speaker.receive(1500, 30_000);
        OnAirIT.waitForState(province.clerkA, id, "DONE");
        return heard;
    }

    @Test
    void aTriggersAlertAirsAsAnEmergencyOnceAndTheOutboundChannelHearsOfIt() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = zoneWithSpeaker(speaker);
            configure("echo", new JsonObject());
            String key = Province.unique("lu");

            assertThat(province.clerkA.post("/api/v1/plugins/echo/alert?zone=" + zone + "&key=" + key, null).status())
                    .isEqualTo(202);
            List<RtpPacket> heard = speaker.receive(1500, 30_000);
            assertThat(heard).hasSizeGreaterThan(50);

            JsonObject alert = province.clerkA.get("/api/v1/announcements?limit=500").array().stream()
                    .map(JsonObject.class::cast).filter(a -> a.getJsonArray("zones").contains(zone)).findFirst()
                    .orElseThrow();
            assertThat(alert.getString("priority")).isEqualTo("EMERGENCY");
            assertThat(alert.getString("createdBy")).isEqualTo("plugin:echo@xa-a");
            OnAirIT.waitForState(province.clerkA, alert.getLong("id"), "DONE");
            waitFor(() -> province.clerkA.get("/api/v1/plugins/echo/aired").body()
                    .contains("\"id\":" + alert.getLong("id") + ",\"title\":\"Cảnh báo thử\",\"zoneNames\":\"Thôn Ven Sông\""));

            // The same event raised again is not aired again.
            province.clerkA.post("/api/v1/plugins/echo/alert?zone=" + zone + "&key=" + key, null);
            assertThat(speaker.receive(2500, 4000)).isEmpty();
            assertThat(province.clerkA.get("/api/v1/announcements?limit=500").array().stream()
                    .map(JsonObject.class::cast).filter(a -> a.getJsonArray("zones").contains(zone)).count())
                    .isEqualTo(1);
        }
    }

    @Test
    void aPriorityAlertAirsAtOnceThroughTheApprovalStepsOnRecordWithoutInterrupting() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = zoneWithSpeaker(speaker);
            configure("echo", new JsonObject());

            assertThat(province.clerkA.post("/api/v1/plugins/echo/alert?level=PRIORITY&zone=" + zone + "&key="
                    + Province.unique("mua"), null).status()).isEqualTo(202);
            assertThat(speaker.receive(1500, 30_000)).hasSizeGreaterThan(50);
            JsonObject alert = province.clerkA.get("/api/v1/announcements?limit=500").array().stream()
                    .map(JsonObject.class::cast).filter(a -> a.getJsonArray("zones").contains(zone)).findFirst()
                    .orElseThrow();
            assertThat(alert.getString("priority")).isEqualTo("SCHEDULED");
            JsonObject done = OnAirIT.waitForState(province.clerkA, alert.getLong("id"), "DONE");
            assertThat(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                    .map(t -> t.getString("to") + " " + t.getString("actor")).toList())
                    .containsSubsequence("DRAFT plugin:echo@xa-a", "SUBMITTED plugin:echo@xa-a", "APPROVED plugin:echo@xa-a",
                            "SCHEDULED plugin:echo@xa-a", "ON_AIR loa", "DONE loa");
        }
    }

    @Test
    void aPluginThatHangsIsReportedAndTheBroadcastAirsAndEndsWithoutIt() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = zoneWithSpeaker(speaker);
            configure("unruly", new JsonObject().put("mode", "hang"));

            assertThat(broadcastAndHear(zone, speaker)).hasSizeGreaterThan(50);
            // Its HTTP route is cut off with the reason, and the server still answers everything else.
            var route = province.clerkA.get("/api/v1/plugins/unruly/x");
            assertThat(route.status()).isEqualTo(502);
            assertThat(route.json().getString("message")).containsAnyOf("no answer in time", "queue full");
            JsonObject p = waitForPlugin(province.adminA, "unruly", x -> x.getString("state").equals("DEGRADED"));
            assertThat(p.getString("reason")).containsAnyOf("no answer in time", "queue full");
            assertThat(anonymous().get("/health").status()).isEqualTo(200);
            // A second notice airs too, while the plugin is still stuck.
            assertThat(broadcastAndHear(zone, speaker)).hasSizeGreaterThan(50);
        }
    }

    @Test
    void aPluginThatThrowsIsReportedWithItsErrorAndTheBroadcastAirs() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = zoneWithSpeaker(speaker);
            configure("unruly", new JsonObject().put("mode", "throw"));

            assertThat(broadcastAndHear(zone, speaker)).hasSizeGreaterThan(50);
            JsonObject p = waitForPlugin(province.adminA, "unruly", x -> x.getString("state").equals("DEGRADED")
                    && x.getString("reason").contains("deliver"));
            assertThat(p.getString("reason")).contains("lỗi cố ý");
            var route = province.clerkA.get("/api/v1/plugins/unruly/x");
            assertThat(route.status()).isEqualTo(502);
            assertThat(route.json().getString("message")).contains("lỗi cố ý");
        }
    }

    @Test
    void aPluginThatFloodsGetsOnlyItsShareOfAlertsAndDraftsAndTheBroadcastAirs() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = zoneWithSpeaker(speaker);
            String quiet = Province.unique("thon-lu");
            created(province.admin.post("/api/v1/zones", Province.zone(quiet, "Thôn Không Loa", "xa-a")));
            configure("unruly", new JsonObject().put("mode", "flood").put("zone", quiet));

            JsonObject p = waitForPlugin(province.adminA, "unruly", x -> x.getString("state").equals("DEGRADED")
                    && x.getString("reason").contains("flooding: alerts") && x.getString("reason").contains("too many"));
            assertThat(broadcastAndHear(zone, speaker)).hasSizeGreaterThan(50);

            List<JsonObject> fromPlugin = province.admin.get("/api/v1/announcements?limit=500").array().stream()
                    .map(JsonObject.class::cast).filter(a -> a.getJsonArray("zones").contains(quiet)).toList();
            assertThat(fromPlugin.stream().filter(a -> a.getString("priority").equals("EMERGENCY")).count())
                    .as(p.encodePrettily()).isLessThanOrEqualTo(12);
            assertThat(fromPlugin.stream().filter(a -> a.getString("state").equals("DRAFT")).count())
                    .isLessThanOrEqualTo(50);
        }
    }

    static JsonArray zones(String zone) {
        return new JsonArray().add(zone);
    }
}
