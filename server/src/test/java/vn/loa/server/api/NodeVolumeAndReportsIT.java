package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.wire.control.ControlMessage;
import vn.loa.server.testing.FakeAgent;

/** The web UI's additions to the API: a node's volume set at once, and the reports of broadcasts and availability. */
class NodeVolumeAndReportsIT extends ApiSuite {

    private String agentNode(String zone) {
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Âm Lượng", "xa-a")));
        String node = Province.unique("dau-thu");
        return node + " " + created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", node)
                .put("name", "Đầu thu").put("zone", zone).put("kind", "agent"))).json().getString("token");
    }

    @Test
    void technicianSetsAConnectedAgentsVolumeAtOnceAndItIsAudited() throws Exception {
        String[] nodeAndToken = agentNode(Province.unique("thon-am")).split(" ");
        String node = nodeAndToken[0];
        try (FakeAgent agent = new FakeAgent(server.baseUrl())) {
            agent.send(new ControlMessage.Hello(node, nodeAndToken[1], List.of("PCMU"), 40000, "test"));
            assertThat(agent.next(10)).isInstanceOf(ControlMessage.Welcome.class);

            var reply = province.technicianA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 40));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(agent.next(10)).isEqualTo(new ControlMessage.Volume(40));
            assertThat(province.adminA.get("/api/v1/audit?action=node.volume&target=node:" + node).array()).hasSize(1);
        }
    }

    @Test
    void volumeIsRefusedForAnOfflineAgentAClerkAndALevelOutOfRange() {
        String node = agentNode(Province.unique("thon-tat")).split(" ")[0];
        assertRefused(province.technicianA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 50)),
                409, "node_offline");
        assertRefused(province.clerkA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 50)),
                403, "forbidden");
        var tooLoud = province.technicianA.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 150));
        assertRefused(tooLoud, 400, "invalid_request");
        assertThat(tooLoud.json().getString("field")).isEqualTo("level");
        assertRefused(province.clerkB.post("/api/v1/nodes/" + node + "/volume", new JsonObject().put("level", 50)),
                403, "forbidden");
    }

    @Test
    void availabilityCountsTheTimeAnAgentWasConnectedInTheCallersUnitOnly() throws Exception {
        String[] nodeAndToken = agentNode(Province.unique("thon-san-sang")).split(" ");
        try (FakeAgent agent = new FakeAgent(server.baseUrl())) {
            agent.send(new ControlMessage.Hello(nodeAndToken[0], nodeAndToken[1], List.of("PCMU"), 40000, "test"));
            assertThat(agent.next(10)).isInstanceOf(ControlMessage.Welcome.class);

            // Connected time counts from the welcome on: some shows as soon as a moment has passed.
            JsonObject row = await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptionsInstanceOf(java.util.NoSuchElementException.class).until(() -> province.clerkA
                    .get("/api/v1/reports/availability?days=7").array().stream().map(JsonObject.class::cast)
                    .filter(r -> r.getString("node").equals(nodeAndToken[0])).findFirst().orElseThrow(),
                    r -> r.getDouble("availabilityPercent") > 0);
            assertThat(row.getDouble("availabilityPercent")).isLessThanOrEqualTo(100.0);
            assertThat(province.clerkB.get("/api/v1/reports/availability?days=7").array().stream()
                    .map(r -> ((JsonObject) r).getString("node"))).doesNotContain(nodeAndToken[0]);
        }
    }

    @Test
    void broadcastReportHasOneRowPerDayAndRefusesABadPeriod() {
        JsonArray days = province.clerkA.get("/api/v1/reports/broadcasts?days=30").array();
        assertThat(days).hasSize(30);
        assertThat(days.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("day", "done", "failed", "cancelled");
        var csv = province.clerkA.get("/api/v1/reports/broadcasts?days=7&format=csv");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.body().lines()).hasSize(8);
        assertRefused(province.clerkA.get("/api/v1/reports/broadcasts?days=0"), 400, "invalid_request");
        assertRefused(province.clerkA.get("/api/v1/reports/broadcasts?format=pdf"), 400, "invalid_request");
    }

    /** The presence rows and the reports' SQL are new: both database engines. */
    static Stream<String> engines() {
        return Stream.of("H2", "PostgreSQL");
    }
}
