package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.PluginsIT.waitFor;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.plugins.iotalerts.Mosquitto;
import vn.loa.server.testing.RtpCapture;

/**
 * The iot-alerts plugin in a running server, against Debian's mosquitto: a river gauge's rising level crosses the
 * threshold and one alert airs to the loudspeaker of the village; jitter around the threshold airs nothing more.
 */
class IotAlertsIT extends ApiSuite {

    private static final Mosquitto BROKER = new Mosquitto();

    static Stream<String> engines() {
        return Stream.of("H2");
    }

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    private static List<JsonObject> in(String zone) {
        return province.clerkA.get("/api/v1/announcements?limit=500").array().stream().map(JsonObject.class::cast)
                .filter(a -> a.getJsonArray("zones").contains(zone)).toList();
    }

    @Test
    void aRisingRiverAirsOneAlertAtTheVillageSpeakerAndJitterAirsNoSecond() throws Exception {
        String river = Province.unique("thon-ben-song");
        String market = Province.unique("thon-cho");
        created(province.admin.post("/api/v1/zones", Province.zone(river, "Thôn Bến Sông", "xa-a")));
        created(province.admin.post("/api/v1/zones", Province.zone(market, "Thôn Chợ", "xa-a")));
        try (RtpCapture speaker = new RtpCapture()) {
            created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                    .put("name", "Loa bến sông").put("zone", river).put("kind", "rtp")
                    .put("address", "127.0.0.1:" + speaker.port())));
            var reply = province.adminA.put("/api/v1/plugins/iot-alerts", new JsonObject().put("enabled", true)
                    .put("settings", new JsonObject().put("broker", BROKER.url()).put("rules", new JsonArray()
                            .add(new JsonObject().put("id", "song-cai").put("topic", "xa-a/song-cai/muc-nuoc")
                                    .put("kind", "water_level").put("above", 3.0).put("clearBelow", 2.7)
                                    .put("place", "bến đò sông Cái").put("zones", new JsonArray().add(river)))
                            .add(new JsonObject().put("id", "khoi-cho").put("topic", "xa-a/cho/khoi").put("kind", "smoke")
                                    .put("place", "chợ xã").put("zones", new JsonArray().add(market))))));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().getString("state")).isEqualTo("RUNNING");

            BROKER.publish("xa-a/song-cai/muc-nuoc", "2.2", "2.6", "2.9", "3.15", "3.3");
            List<RtpPacket> heard = speaker.receive(1500, 60_000);
            assertThat(heard).as("the alert is heard at the speaker").hasSizeGreaterThan(100);
            waitFor(() -> in(river).size() == 1 && in(river).get(0).getString("state").equals("DONE"));
            JsonObject alert = in(river).get(0);
            assertThat(alert.getString("priority")).isEqualTo("EMERGENCY");
            assertThat(alert.getString("createdBy")).isEqualTo("plugin:iot-alerts@xa-a");
            assertThat(alert.getString("text")).contains("bến đò sông Cái").contains("3,15 mét");

            // Jitter around the threshold, then smoke at the market: once the market's alert exists, every river
            // reading before it has been judged (one sensor's readings arrive in order).
            BROKER.publish("xa-a/song-cai/muc-nuoc", "2.95", "3.05", "2.9", "3.1", "2.85", "3.2");
            BROKER.publish("xa-a/cho/khoi", "1");
            waitFor(() -> in(market).size() == 1);
            assertThat(in(river)).as("no second alert for the same flood").hasSize(1);
            String rules = province.technicianA.get("/api/v1/plugins/iot-alerts/rules").body();
            assertThat(rules).contains("\"id\":\"song-cai\",\"topic\":\"xa-a/song-cai/muc-nuoc\"")
                    .contains("\"state\":\"tripped\"");
        } finally {
            province.adminA.put("/api/v1/plugins/iot-alerts", new JsonObject().put("enabled", false));
        }
    }
}
