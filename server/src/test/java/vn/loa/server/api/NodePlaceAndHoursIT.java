package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/** A node's place on the map (lat, lon) and its on-hours: stored, checked, and obeyed by the air. */
class NodePlaceAndHoursIT extends ApiSuite {

    static JsonObject rtpNode(String zone, int port) {
        return new JsonObject().put("id", Province.unique("loa")).put("name", "Loa chợ").put("zone", zone)
                .put("kind", "rtp").put("address", "127.0.0.1:" + port);
    }

    /** On-hours that began two hours ago and end in an hour: on now, whatever the time of the test. */
    static String hoursAround(int fromHours, int toHours) {
        LocalTime now = LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        DateTimeFormatter f = DateTimeFormatter.ofPattern("HH:mm");
        return now.plusHours(fromHours).format(f) + "-" + now.plusHours(toHours).format(f);
    }

    @Test
    void coordinatesAndOnHoursAreStoredAndBadOnesRefusedNamingTheField() {
        JsonObject body = rtpNode("thon-a1", 40000).put("lat", 21.02851).put("lon", 105.8542).put("onHours", "05:00-21:00");
        String id = body.getString("id");
        created(province.technicianA.post("/api/v1/nodes", body));

        JsonObject stored = province.clerkA.get("/api/v1/nodes/" + id).json();
        assertThat(stored.getDouble("lat")).isEqualTo(21.02851);
        assertThat(stored.getDouble("lon")).isEqualTo(105.8542);
        assertThat(stored.getString("onHours")).isEqualTo("05:00-21:00");

        assertField(province.technicianA.put("/api/v1/nodes/" + id, body.copy().put("lat", 91)), "lat");
        assertField(province.technicianA.put("/api/v1/nodes/" + id, body.copy().put("lon", -180.5)), "lon");
        assertField(province.technicianA.put("/api/v1/nodes/" + id, body.copy().put("lat", "Hà Nội")), "lat");
        JsonObject latOnly = body.copy();
        latOnly.remove("lon");
        assertField(province.technicianA.put("/api/v1/nodes/" + id, latOnly), "lon");
        assertField(province.technicianA.put("/api/v1/nodes/" + id, body.copy().put("onHours", "25:00-06:00")), "onHours");
        assertField(province.technicianA.put("/api/v1/nodes/" + id, body.copy().put("onHours", "05:00-05:00")), "onHours");

        JsonObject cleared = body.copy();
        cleared.remove("lat");
        cleared.remove("lon");
        cleared.remove("onHours");
        JsonObject after = province.technicianA.put("/api/v1/nodes/" + id, cleared).json();
        assertThat(after.getValue("lat")).isNull();
        assertThat(after.getValue("onHours")).as("always on").isNull();
    }

    static void assertField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().getString("field")).as(reply.toString()).isEqualTo(field);
        assertThat(reply.json().getString("message")).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void nodeOutsideItsOnHoursHearsOnlyTheEmergency() throws Exception {
        String zone = Province.unique("thon-gio");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Giờ", "xa-a")));
        try (RtpCapture awake = new RtpCapture(); RtpCapture resting = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", rtpNode(zone, awake.port())
                    .put("onHours", hoursAround(-2, 1))));
            String restingId = created(province.technicianA.post("/api/v1/nodes", rtpNode(zone, resting.port())
                    .put("onHours", hoursAround(2, 3)))).json().getString("id");

            long notice = OnAirIT.approvedNotice("Họp thôn", "Tối nay họp thôn.", zone, false);
            province.clerkA.post("/api/v1/announcements/" + notice + "/broadcast", null);
            JsonObject done = OnAirIT.waitForState(province.clerkA, notice, "DONE");

            assertThat(awake.receive(1500, 30_000)).as("the node in its on-hours hears the notice").isNotEmpty();
            assertThat(resting.received()).as("packets to the node outside its on-hours").isZero();
            JsonObject skipped = done.getJsonArray("deliveries").stream().map(JsonObject.class::cast)
                    .filter(d -> d.getString("node").equals(restingId)).findFirst().orElseThrow();
            assertThat(skipped.getString("detail")).contains("skipped: outside on-hours");

            long alert = created(province.approverA.post("/api/v1/announcements", new JsonObject()
                    .put("title", "Lũ").put("text", "Khẩn cấp, nước lên.").put("priority", "EMERGENCY")
                    .put("chime", false).put("zones", new JsonArray().add(zone)))).json().getLong("id");
            province.approverA.post("/api/v1/announcements/" + alert + "/broadcast", null);
            OnAirIT.waitForState(province.approverA, alert, "DONE");

            assertThat(resting.receive(1500, 30_000)).as("the emergency reaches it all the same").isNotEmpty();
        }
    }
}
