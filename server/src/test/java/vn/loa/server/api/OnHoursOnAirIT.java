package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.NodePlaceAndHoursIT.hoursAround;
import static vn.loa.server.api.NodePlaceAndHoursIT.rtpNode;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.RtpCapture;

/**
 * On-hours while a zone stream's programme changes: a node outside its hours hears a whole emergency, though a notice
 * waits behind it, and none of a notice that resumes after one. Compared with a node in another village.
 */
class OnHoursOnAirIT extends ApiSuite {

    /** About audio on the air, not storage: one database engine is enough. */
    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @Test
    void anEmergencyReachesANodeOutsideItsHoursToItsEndThoughANoticeWaitsBehindIt() throws Exception {
        try (RtpCapture awake = new RtpCapture(); RtpCapture resting = new RtpCapture();
                RtpCapture reference = new RtpCapture()) {
            TwoVillages v = twoVillages(awake, resting, reference);
            String zone = v.zone();
            String elsewhere = v.elsewhere();
            String restingId = v.restingId();
            long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Lũ").put("text", OnAirIT.LONG_TEXT).put("priority", "EMERGENCY")
                    .put("chime", false).put("zones", new JsonArray().add(zone).add(elsewhere)))).json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);
            var restingHears = resting.receiveInBackground(2500, 120_000);
            var referenceHears = reference.receiveInBackground(2500, 120_000);

            // Two seconds into the emergency an ordinary notice for the same village is broadcast: it waits.
            reference.awaitReceived(100);
            long notice = OnAirIT.approvedNotice("Họp thôn", "Tối nay họp thôn.", zone, false);
            province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
            JsonObject done = OnAirIT.waitForState(province.clerkA, notice, "DONE");

            // The node outside its hours hears all of the emergency (as much as a node elsewhere), none of the notice.
            int heard = restingHears.get(120, java.util.concurrent.TimeUnit.SECONDS).size();
            int whole = referenceHears.get(120, java.util.concurrent.TimeUnit.SECONDS).size();
            assertThat(heard).isBetween(whole * 97 / 100, whole * 103 / 100);
            JsonObject skipped = done.getJsonArray("deliveries").stream().map(JsonObject.class::cast)
                    .filter(d -> d.getString("node").equals(restingId)).findFirst().orElseThrow();
            assertThat(skipped.getString("detail")).contains("skipped: outside on-hours");
        }
    }

    @Test
    void aNoticeThatResumesAfterAnEmergencyDoesNotReachTheNodeOutsideItsHours() throws Exception {
        try (RtpCapture awake = new RtpCapture(); RtpCapture resting = new RtpCapture();
                RtpCapture reference = new RtpCapture()) {
            TwoVillages v = twoVillages(awake, resting, reference);
            String zone = v.zone();
            String elsewhere = v.elsewhere();
            long notice = OnAirIT.approvedNotice("Họp thôn", OnAirIT.LONG_TEXT, zone, false);
            province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
            var restingHears = resting.receiveInBackground(2500, 120_000);
            var referenceHears = reference.receiveInBackground(2500, 120_000);
            var awakeHears = awake.receiveInBackground(2500, 120_000);
            awake.awaitReceived(100);

            // The emergency cuts in; when it ends the notice airs again from the top, not to the resting node.
            long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Lũ").put("text", "Khẩn cấp, nước sông đang lên, bà con di chuyển lên chỗ cao.")
                    .put("priority", "EMERGENCY").put("chime", false)
                    .put("zones", new JsonArray().add(zone).add(elsewhere)))).json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);
            OnAirIT.waitForState(province.clerkA, notice, "DONE");

            int heard = restingHears.get(120, java.util.concurrent.TimeUnit.SECONDS).size();
            int emergency = referenceHears.get(120, java.util.concurrent.TimeUnit.SECONDS).size();
            assertThat(heard).as("the emergency only").isBetween(emergency * 97 / 100, emergency * 103 / 100);
            assertThat(awakeHears.get(120, java.util.concurrent.TimeUnit.SECONDS).size()).as("notice, emergency, notice")
                    .isGreaterThan(emergency + 100);
        }
    }

    /** A village with one node within its on-hours and one outside them, and a village elsewhere always on. */
    private record TwoVillages(String zone, String elsewhere, String restingId) {
    }

    private static TwoVillages twoVillages(RtpCapture awake, RtpCapture resting, RtpCapture reference) {
        String zone = Province.unique("thon-gio");
        String elsewhere = Province.unique("thon-doi-chung");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Giờ", "xa-a")));
        created(province.admin.post("/api/v1/zones", Province.zone(elsewhere, "Thôn Đối Chứng", "xa-a")));
        created(province.technicianA.post("/api/v1/nodes", rtpNode(zone, awake.port()).put("onHours", hoursAround(-2, 1))));
        String restingId = created(province.technicianA.post("/api/v1/nodes", rtpNode(zone, resting.port())
                .put("onHours", hoursAround(2, 3)))).json().getString("id");
        created(province.technicianA.post("/api/v1/nodes", rtpNode(elsewhere, reference.port())));
        return new TwoVillages(zone, elsewhere, restingId);
    }
}
