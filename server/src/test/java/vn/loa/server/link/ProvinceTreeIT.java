package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.link.ProvinceLinkIT.awaitJson;
import static vn.loa.server.link.ProvinceLinkIT.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.FakeAgent;
import vn.loa.server.testing.TestServer;
import vn.loa.wire.control.ControlMessage;

/**
 * A province and a commune on loopback (two servers on H2), the commune linked as the province's zone {@code xa-a}
 * (issue 14, ADR 0059): the commune's village, its connected speaker, its IP speaker and its board appear in the
 * province's tree below {@code xa-a}, read-only, with their state; whatever would change or target them is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceTreeIT {

    private TestServer province;
    private TestServer commune;
    private FakeAgent agent;
    private Api provinceAdmin;

    @BeforeAll
    void linkACommuneWithAConnectedSpeaker() throws Exception {
        province = TestServer.onH2(Map.of("link.id", "tinh"));
        commune = TestServer.onH2(Map.of("link.id", "xa-a", "link.devices.every", "1", "link.poll.wait", "2",
                "link.retry.max", "1"));
        provinceAdmin = Api.signIn(province.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        Api communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        created(provinceAdmin.post("/api/v1/zones", new JsonObject().put("id", "xa-a").put("name", "Xã A")));
        String key = created(provinceAdmin.post("/api/v1/downstreams", new JsonObject().put("id", "xa-a")
                .put("name", "Đài xã A").put("zone", "xa-a"))).json().getString("key");
        created(communeAdmin.post("/api/v1/zones", new JsonObject().put("id", "thon-1").put("name", "Thôn 1")));
        String token = created(communeAdmin.post("/api/v1/nodes", new JsonObject().put("id", "loa-thon-1")
                .put("name", "Loa đầu thôn 1").put("zone", "thon-1").put("kind", "agent").put("lat", 21.03)
                .put("lon", 105.85))).json().getString("token");
        created(communeAdmin.post("/api/v1/nodes", new JsonObject().put("id", "loa-ip").put("name", "Loa IP chợ")
                .put("zone", "thon-1").put("kind", "rtp").put("address", "127.0.0.1:40000")));
        created(communeAdmin.post("/api/v1/boards", new JsonObject().put("id", "bang-thon-1").put("name", "Bảng tin "
                + "thôn 1").put("zone", "thon-1").put("kind", "LCD").put("width", 1920).put("height", 1080)));
        agent = new FakeAgent(commune.baseUrl());
        agent.send(new ControlMessage.Hello("loa-thon-1", token, List.of("PCMU"), 40000, "test"));
        assertThat(agent.next(10)).isInstanceOf(ControlMessage.Welcome.class);
        Api.Reply linked = communeAdmin.put("/api/v1/upstream", new JsonObject().put("url", province.baseUrl())
                .put("id", "xa-a").put("key", key));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (commune != null) {
            commune.close();
        }
        if (province != null) {
            province.close();
        }
    }

    private JsonObject tree() {
        return awaitJson(() -> provinceAdmin.get("/api/v1/downstreams/devices").json(),
                t -> entry(t, "nodes", "xa-a/loa-thon-1") != null
                        && entry(t, "nodes", "xa-a/loa-thon-1").getBoolean("online", false),
                Duration.ofSeconds(30));
    }

    private static JsonObject entry(JsonObject tree, String kind, String id) {
        return tree.getJsonArray(kind).stream().map(JsonObject.class::cast).filter(e -> e.getString("id").equals(id))
                .findFirst().orElse(null);
    }

    @Test
    void theCommunesVillageAndItsSpeakersAppearBelowItsZoneReadOnlyWithTheirState() {
        JsonObject tree = tree();

        JsonObject village = entry(tree, "zones", "xa-a/thon-1");
        assertThat(village.getString("name")).isEqualTo("Thôn 1");
        assertThat(village.getBoolean("readOnly")).isTrue();
        JsonObject communeRoot = entry(tree, "zones", village.getString("parent"));
        assertThat(communeRoot.getString("parent")).as("the commune's own unit hangs below its zone here")
                .isEqualTo("xa-a");
        JsonObject speaker = entry(tree, "nodes", "xa-a/loa-thon-1");
        assertThat(speaker.getString("zone")).isEqualTo("xa-a/thon-1");
        assertThat(speaker.getString("name")).isEqualTo("Loa đầu thôn 1");
        assertThat(speaker.getString("onlineSince")).as("connected since the commune saw it").isNotNull();
        assertThat(speaker.getDouble("lat")).isEqualTo(21.03);
        assertThat(speaker.getJsonObject("mirror")).isEqualTo(new JsonObject().put("downstream", "xa-a")
                .put("id", "loa-thon-1"));
        JsonObject ip = entry(tree, "nodes", "xa-a/loa-ip");
        assertThat(ip.getString("kind")).isEqualTo("rtp");
        assertThat(ip.containsKey("online")).as("an RTP speaker reports no state").isFalse();
        assertThat(entry(tree, "boards", "xa-a/bang-thon-1").getString("zone")).isEqualTo("xa-a/thon-1");
        JsonObject downstream = tree.getJsonArray("downstreams").getJsonObject(0);
        assertThat(downstream.getString("zoneName")).isEqualTo("Xã A");
        assertThat(downstream.getString("at")).isNotNull();
        assertThat(tree.getValue("next")).isNull();
        assertThat(provinceAdmin.get("/api/v1/zones").array().stream().map(z -> ((JsonObject) z).getString("id")))
                .as("the province's own zone list is as before").noneMatch(id -> id.contains("/"));
    }

    @Test
    void changingDeletingOrAnnouncingToAMirroredVillageOrSpeakerIsRefusedAndChangesNothing() {
        tree();
        refused(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", "Họp thôn")
                .put("text", "Mời bà con thôn 1 dự họp.").put("zones", new JsonArray().add("xa-a/thon-1"))), "zones");
        refused(provinceAdmin.put("/api/v1/zones/xa-a%2Fthon-1", new JsonObject().put("name", "Thôn Một")), null);
        refused(provinceAdmin.delete("/api/v1/zones/xa-a%2Fthon-1"), null);
        refused(provinceAdmin.delete("/api/v1/nodes/xa-a%2Floa-thon-1"), null);
        refused(provinceAdmin.post("/api/v1/zones", new JsonObject().put("id", "xom-moi").put("name", "Xóm mới")
                .put("parent", "xa-a/thon-1")), "parent");
        refused(provinceAdmin.post("/api/v1/nodes", new JsonObject().put("id", "loa-moi").put("name", "Loa mới")
                .put("zone", "xa-a/thon-1").put("kind", "rtp").put("address", "127.0.0.1:40002")), "zone");

        JsonObject after = provinceAdmin.get("/api/v1/downstreams/devices").json();
        assertThat(entry(after, "zones", "xa-a/thon-1").getString("name")).isEqualTo("Thôn 1");
        assertThat(entry(after, "nodes", "xa-a/loa-thon-1")).isNotNull();
        assertThat(provinceAdmin.get("/api/v1/announcements?limit=10").array()).isEmpty();
    }

    @Test
    void aPageOfDownstreamsIsBounded() {
        Api.Reply tooMany = provinceAdmin.get("/api/v1/downstreams/devices?limit=101");
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        JsonObject past = provinceAdmin.get("/api/v1/downstreams/devices?offset=1").json();
        assertThat(past.getJsonArray("downstreams")).isEmpty();
        assertThat(past.getJsonArray("nodes")).isEmpty();
    }

    private static void refused(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
        assertThat(reply.json().getString("error")).isEqualTo("mirror_read_only");
        assertThat(reply.json().getString("message")).contains("chỉ để xem").contains("'xa-a'");
        assertThat(reply.json().getString("field")).isEqualTo(field);
    }
}
