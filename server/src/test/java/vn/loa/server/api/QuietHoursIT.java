package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.RtpCapture;

/** Quiet hours per zone: at night nothing but an EMERGENCY airs there. */
class QuietHoursIT extends ApiSuite {

    /** Rows and rules only; H2 is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    /** Quiet hours from an hour ago to an hour from now, Vietnam time: the test always runs inside them. */
    static JsonObject aroundNow() {
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).truncatedTo(ChronoUnit.MINUTES);
        return new JsonObject().put("from", now.minusHours(1).toString()).put("to", now.plusHours(1).toString());
    }

    static String lastReason(JsonObject announcement) {
        JsonArray t = announcement.getJsonArray("transitions");
        return t.getJsonObject(t.size() - 1).getString("reason");
    }

    @Test
    void duringQuietHoursANoticeIsHeldBackButAnEmergencyAirs() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = ScheduleIT.villageWithSpeaker(speaker);
            assertThat(province.technicianA.put("/api/v1/zones/" + zone + "/quiet-hours", aroundNow()).status())
                    .isEqualTo(200);

            long notice = OnAirIT.approvedNotice("Ban đêm", "Xin chào bà con.", zone, false);
            province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
            assertThat(lastReason(OnAirIT.waitForState(province.clerkA, notice, "FAILED"))).contains("giờ yên tĩnh");

            long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Lũ").put("text", "Khẩn cấp, nước lũ lên.").put("priority", "EMERGENCY")
                    .put("chime", false).put("zones", new JsonArray().add(zone)))).json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);
            assertThat(speaker.receive(1500, 30_000).stream().filter(p -> p.payloadType() == 0).count())
                    .as("the emergency's packets").isGreaterThan(25);
            OnAirIT.waitForState(province.approverA, alert, "DONE");
        }
    }

    @Test
    void scheduledAiringInQuietHoursIsSkippedWithTheReason() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = ScheduleIT.villageWithSpeaker(speaker);
            province.technicianA.put("/api/v1/zones/" + zone + "/quiet-hours", aroundNow());
            Instant at = Instant.now().plusSeconds(3);
            long id = ScheduleIT.scheduledNotice("Hẹn giờ ban đêm", zone,
                    new JsonObject().put("at", ScheduleIT.vietnamTime(at)));

            assertThat(lastReason(OnAirIT.waitForState(province.clerkA, id, "FAILED"))).contains("giờ yên tĩnh");
            var grid = ScheduleIT.itemsOf(ScheduleIT.grid(province.clerkA, "from=" + java.net.URLEncoder.encode(
                    ScheduleIT.vietnamTime(at.minusSeconds(60)), java.nio.charset.StandardCharsets.UTF_8)), id);
            assertThat(grid).singleElement().satisfies(i -> {
                assertThat(i.getString("outcome")).isEqualTo("SKIPPED");
                assertThat(i.getString("detail")).contains("giờ yên tĩnh");
            });
        }
    }

    @Test
    void quietHoursAreSetReadAndClearedAndBadTimesRefused() {
        String zone = Province.unique("thon-dem");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Đêm", "xa-a")));
        String path = "/api/v1/zones/" + zone + "/quiet-hours";

        province.technicianA.put(path, new JsonObject().put("from", "22:00").put("to", "05:00"));
        assertThat(province.clerkA.get(path).json().getString("from")).isEqualTo("22:00");
        assertRefused(province.technicianA.put(path, new JsonObject().put("from", "25:00").put("to", "05:00")), 400,
                "invalid_quiet_hours");
        assertRefused(province.technicianA.put(path, new JsonObject().put("from", "05:00").put("to", "05:00")), 400,
                "invalid_quiet_hours");
        assertRefused(province.clerkA.put(path, new JsonObject().put("from", "22:00").put("to", "05:00")), 403,
                "forbidden");
        assertThat(province.technicianA.delete(path).status()).isEqualTo(200);
        assertThat(province.clerkA.get(path).json().isEmpty()).isTrue();
    }
}
