package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static vn.loa.server.api.Province.unique;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.wire.rtp.RtpPacket;

/**
 * CAP geo-targeting (ADR 0045): polygons and circles reach the nodes, boards and zone boundaries inside them, geocodes
 * the zones carrying them, area names as before; the answer and the alert's detail say what was reached and why.
 */
class CapTargetingIT extends ApiSuite {

    private static String key;
    private static Object keyServer;

    @BeforeEach
    void apiKey() {
        if (keyServer != server) {
            keyServer = server;
            key = created(province.adminA.post("/api/v1/alerts/keys", new JsonObject().put("name", "Đài KTTV")))
                    .json().getString("key");
        }
    }

    /** A CAP message whose one area holds {@code areaXml} (polygons, circles, geocodes after the areaDesc). */
    static String cap(String identifier, String severity, String areaDesc, String areaXml) {
        return cap(identifier, "Actual", severity, areaDesc, areaXml);
    }

    static String cap(String identifier, String status, String severity, String areaDesc, String areaXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
                  <identifier>%s</identifier>
                  <sender>kttv@nchmf.gov.vn</sender>
                  <sent>2026-12-01T10:00:00+07:00</sent>
                  <status>%s</status>
                  <msgType>Alert</msgType>
                  <scope>Public</scope>
                  <info>
                    <language>vi-VN</language>
                    <category>Met</category>
                    <event>Lũ quét</event>
                    <urgency>Immediate</urgency>
                    <severity>%s</severity>
                    <certainty>Observed</certainty>
                    <headline>Cảnh báo lũ quét</headline>
                    <description>Nước sông đang lên nhanh.</description>
                    <area>
                      <areaDesc>%s</areaDesc>
                      %s
                    </area>
                  </info>
                </alert>
                """.formatted(identifier, status, severity, areaDesc, areaXml);
    }

    private static String zone(String prefix) {
        String id = unique(prefix);
        created(province.admin.post("/api/v1/zones", Province.zone(id, "Thôn " + id, "xa-a")));
        return id;
    }

    private static String node(String zone, double lat, double lon, int port) {
        String id = unique("loa");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", id).put("name", "Loa " + id)
                .put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + port).put("lat", lat)
                .put("lon", lon)));
        return id;
    }

    private static String board(String zone, double lat, double lon) {
        String id = unique("bang");
        created(province.technicianA.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng " + id)
                .put("zone", zone).put("kind", "LCD").put("width", 1366).put("height", 768).put("lat", lat)
                .put("lon", lon)));
        assertThat(province.adminA.get("/api/v1/boards/" + id).json().getDouble("lat")).isEqualTo(lat);
        return id;
    }

    /** A GeoJSON square (lon/lat) from (lat0, lon0) with sides of {@code size} degrees. */
    private static JsonObject square(double lat0, double lon0, double size) {
        JsonArray ring = new JsonArray().add(new JsonArray().add(lon0).add(lat0))
                .add(new JsonArray().add(lon0 + size).add(lat0)).add(new JsonArray().add(lon0 + size).add(lat0 + size))
                .add(new JsonArray().add(lon0).add(lat0 + size)).add(new JsonArray().add(lon0).add(lat0));
        return new JsonObject().put("type", "Polygon").put("coordinates", new JsonArray().add(ring));
    }

    /** A CAP polygon (lat,lon pairs) of the same square. */
    private static String capSquare(double lat0, double lon0, double size) {
        return "<polygon>%s,%s %s,%s %s,%s %s,%s %s,%s</polygon>".formatted(lat0, lon0, lat0, lon0 + size,
                lat0 + size, lon0 + size, lat0 + size, lon0, lat0, lon0);
    }

    private static Map<String, List<String>> reasons(JsonArray items) {
        return items.stream().map(JsonObject.class::cast).collect(Collectors.toMap(o -> o.getString("id"),
                o -> o.getJsonArray("by").stream().map(b -> b instanceof JsonObject j ? j.getString("by") + "/"
                        + j.getString("via") : b.toString()).toList()));
    }

    @Test
    void aPolygonReachesTheNodesBoardsAndBoundariesInsideItAndSaysWhy() {
        String inside = zone("thon-trong");
        String outside = zone("thon-ngoai");
        String bordering = zone("thon-giap");
        String far = zone("thon-xa");
        String nodeIn = node(inside, 16.005, 107.005, 9);
        String nodeOut = node(outside, 16.02, 107.005, 9);
        String boardIn = board(outside, 16.008, 107.002);
        assertThat(province.adminA.put("/api/v1/zones/" + bordering + "/boundary", square(16.009, 107.009, 0.01))
                .status()).isEqualTo(200);
        assertThat(province.adminA.put("/api/v1/zones/" + far + "/boundary", square(16.5, 107.5, 0.01)).status())
                .isEqualTo(200);

        Api.Reply reply = AlertsIT.post(cap(unique("POLY"), "Moderate", "Vùng trũng ven sông",
                capSquare(16.0, 107.0, 0.01)), "application/cap+xml", key);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject answer = reply.json();
        assertThat(answer.getString("outcome")).isEqualTo("awaiting_approval");
        assertThat(answer.getJsonArray("zones").getList()).containsExactlyInAnyOrder(inside, outside, bordering);
        JsonObject reach = answer.getJsonObject("reach");
        assertThat(reasons(reach.getJsonArray("zones"))).containsEntry(inside, List.of("polygon/node:" + nodeIn))
                .containsEntry(outside, List.of("polygon/board:" + boardIn))
                .containsEntry(bordering, List.of("polygon/boundary"));
        assertThat(reasons(reach.getJsonArray("nodes"))).containsEntry(nodeIn, List.of("polygon"))
                .containsEntry(nodeOut, List.of("zone:" + outside));
        assertThat(reasons(reach.getJsonArray("boards"))).containsEntry(boardIn, List.of("polygon"));

        JsonObject detail = province.adminA.get("/api/v1/alerts/" + answer.getLong("id")).json();
        assertThat(detail.getJsonObject("reach")).isEqualTo(reach);
        assertThat(detail.getString("signer")).isNull();
    }

    @Test
    void aCircleReachesByDistanceAndAGeocodeByTheZonesCode() {
        String near = zone("thon-gan");
        String beyond = zone("thon-ngoai-vong");
        String coded = zone("thon-ma");
        String nodeNear = node(near, 17.0 + 0.017, 108.0, 9);
        node(beyond, 17.0 + 0.019, 108.0, 9);
        assertThat(province.adminA.put("/api/v1/zones/" + coded + "/geocode", new JsonObject()
                .put("valueName", "VN-MADVHC").put("value", "20314")).status()).isEqualTo(200);

        Api.Reply reply = AlertsIT.post(cap(unique("CIRCLE"), "Moderate", "Quanh trạm bơm",
                "<circle>17.0,108.0 2</circle><geocode><valueName>VN-MADVHC</valueName><value>20314</value></geocode>"),
                "application/cap+xml", key);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getJsonArray("zones").getList()).containsExactlyInAnyOrder(near, coded);
        assertThat(reasons(reply.json().getJsonObject("reach").getJsonArray("zones")))
                .containsEntry(near, List.of("circle/node:" + nodeNear))
                .containsEntry(coded, List.of("geocode/VN-MADVHC=20314"));
        assertThat(reply.json().containsKey("unmatchedAreas")).as(reply.toString()).isFalse();

        // The same value under another scheme is not the zone's code.
        assertRefused(AlertsIT.post(cap(unique("OTHER"), "Moderate", "Nơi khác",
                "<geocode><valueName>FIPS</valueName><value>20314</value></geocode>"), "application/cap+xml", key),
                422, "unknown_area");
    }

    @Test
    void aSevereAlertOverAPolygonIsHeardInsideAndNotOutside() throws Exception {
        String inside = zone("thon-loa-trong");
        String outside = zone("thon-loa-ngoai");
        try (RtpCapture in = new RtpCapture(); RtpCapture out = new RtpCapture()) {
            node(inside, 18.005, 106.005, in.port());
            node(outside, 18.05, 106.005, out.port());

            Api.Reply reply = AlertsIT.post(cap(unique("AIR"), "Severe", "Xóm bãi bồi", capSquare(18.0, 106.0, 0.01)),
                    "application/cap+xml", key);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().getString("outcome")).isEqualTo("aired");
            List<RtpPacket> heard = in.receive(1500, 30_000);
            assertThat(heard.size() * 0.02).as("seconds heard inside").isGreaterThan(1.5);
            assertThat(out.received()).as("packets outside").isZero();
        }
    }

    @Test
    void boundariesAndGeocodesAreCheckedAndOnlyAdminsSetThem() {
        String zone = zone("thon-ranh-gioi");
        assertRefused(province.adminA.put("/api/v1/zones/" + zone + "/boundary", new JsonObject()
                .put("type", "Polygon").put("coordinates", new JsonArray().add(new JsonArray()
                        .add(new JsonArray().add(107).add(16)).add(new JsonArray().add(107.1).add(16))
                        .add(new JsonArray().add(107.1).add(16.1)).add(new JsonArray().add(107).add(16.1))))),
                400, "invalid_boundary");
        assertRefused(province.adminA.put("/api/v1/zones/" + zone + "/boundary", square(95, 107, 1)), 400,
                "invalid_boundary");
        assertRefused(province.adminA.put("/api/v1/zones/" + zone + "/boundary", new JsonObject().put("type", "Point")
                .put("coordinates", new JsonArray().add(107).add(16))), 400, "invalid_boundary");
        assertRefused(province.clerkA.put("/api/v1/zones/" + zone + "/boundary", square(16, 107, 0.1)), 403,
                "forbidden");
        assertRefused(province.adminA.put("/api/v1/zones/thon-b1/boundary", square(16, 107, 0.1)), 400,
                "unknown_zone");
        assertRefused(province.adminA.put("/api/v1/zones/" + zone + "/geocode", new JsonObject()
                .put("valueName", "VN-MADVHC").put("value", "a b")), 400, "invalid_geocode");

        assertThat(province.adminA.put("/api/v1/zones/" + zone + "/boundary", square(16, 107, 0.1)).status())
                .isEqualTo(200);
        JsonObject place = province.adminA.get("/api/v1/zones/" + zone + "/boundary").json();
        assertThat(place.getJsonObject("boundary")).isEqualTo(square(16, 107, 0.1));
        assertThat(province.adminA.get("/api/v1/audit?action=zone.boundary&target=zone:" + zone).array()).hasSize(1);
        assertThat(province.adminA.delete("/api/v1/zones/" + zone + "/boundary").json().getValue("boundary")).isNull();
    }

    @Test
    void aDrillAirsOnlyOnDrillZonesAnnouncedAsADrill() throws Exception {
        String drillZone = zone("thon-dien-tap");
        String realZone = zone("thon-that");
        assertThat(province.adminA.put("/api/v1/zones/" + drillZone + "/drill", new JsonObject().put("drill", true))
                .json().getBoolean("drill")).isTrue();
        assertRefused(province.clerkA.put("/api/v1/zones/" + realZone + "/drill", new JsonObject().put("drill", true)),
                403, "forbidden");
        try (RtpCapture drill = new RtpCapture(); RtpCapture real = new RtpCapture()) {
            node(drillZone, 19.002, 105.002, drill.port());
            node(realZone, 19.006, 105.006, real.port());

            Api.Reply reply = AlertsIT.post(cap(unique("DRILL"), "Exercise", "Severe", "Diễn tập lũ",
                    capSquare(19.0, 105.0, 0.01)), "application/cap+xml", key);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().getString("outcome")).isEqualTo("drill_aired");
            assertThat(reply.json().getJsonArray("zones").getList()).containsExactly(drillZone);
            long id = reply.json().getJsonArray("announcements").getLong(0);
            JsonObject announcement = province.adminA.get("/api/v1/announcements/" + id).json();
            assertThat(announcement.getString("text")).startsWith("Đây là diễn tập");
            assertThat(announcement.getString("title")).startsWith("[Diễn tập]");
            assertThat(drill.receive(1500, 30_000).size() * 0.02).as("seconds heard in the drill zone")
                    .isGreaterThan(1.5);
            assertThat(real.received()).as("packets in the real zone").isZero();
        }
        Api.Reply nowhere = AlertsIT.post(cap(unique("TEST"), "Test", "Severe", "Thử hệ thống",
                capSquare(19.005, 105.005, 0.002)), "application/cap+xml", key);
        assertThat(nowhere.json().getString("outcome")).as(nowhere.toString()).isEqualTo("not_aired");
        assertThat(province.adminA.get("/api/v1/alerts?limit=5").array().stream().map(JsonObject.class::cast)
                .anyMatch(a -> a.getString("outcome").equals("drill_aired"))).as("listed as a drill").isTrue();
    }
}
