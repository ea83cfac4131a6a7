package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.ReadOnlyMirror;

class ProvinceTreeTest {

    private static JsonObject zone(String id, String name, String parent) {
        return new JsonObject().put("id", id).put("name", name).put("parent", parent);
    }

    /** A commune's snapshot: its root, thôn 1 with an agent online since 06:00 and an RTP speaker, and a board. */
    private static JsonObject commune(String root) {
        return new JsonObject().put("at", "2026-12-07T09:00:00Z")
                .put("zones", new JsonArray().add(zone(root, "Xã", null)).add(zone("thon-1", "Thôn 1", root)))
                .put("nodes", new JsonArray()
                        .add(new JsonObject().put("id", "loa-1").put("name", "Loa 1").put("zone", "thon-1")
                                .put("kind", "agent").put("online", true).put("onlineSince", "2026-12-07T06:00:00Z")
                                .put("lat", 21.0).put("lon", 105.8))
                        .add(new JsonObject().put("id", "loa-2").put("name", "Loa 2").put("zone", "gone")
                                .put("kind", "rtp")))
                .put("boards", new JsonArray().add(new JsonObject().put("id", "bang").put("name", "Bảng")
                        .put("zone", "thon-1")));
    }

    private static Map<String, JsonObject> byId(JsonObject tree, String kind) {
        return tree.getJsonArray(kind).stream().map(JsonObject.class::cast)
                .collect(Collectors.toMap(o -> o.getString("id"), Function.identity()));
    }

    @Test
    void aCommunesVillagesSpeakersAndBoardsHangBelowItsZoneWithPrefixedIdsMarkedReadOnly() {
        JsonObject tree = ProvinceTree.empty();
        ProvinceTree.merge(tree, "xa-a", "z-xa-a", commune("root"), 1);

        Map<String, JsonObject> zones = byId(tree, "zones");
        assertThat(zones.keySet()).containsExactlyInAnyOrder("xa-a/root", "xa-a/thon-1");
        assertThat(zones.get("xa-a/root").getString("parent")).as("the commune's root below its zone here")
                .isEqualTo("z-xa-a");
        assertThat(zones.get("xa-a/thon-1").getString("parent")).isEqualTo("xa-a/root");
        assertThat(zones.get("xa-a/thon-1").getBoolean("readOnly")).isTrue();
        assertThat(zones.get("xa-a/thon-1").getJsonObject("mirror"))
                .isEqualTo(new JsonObject().put("downstream", "xa-a").put("id", "thon-1"));

        Map<String, JsonObject> nodes = byId(tree, "nodes");
        JsonObject agent = nodes.get("xa-a/loa-1");
        assertThat(agent.getString("zone")).isEqualTo("xa-a/thon-1");
        assertThat(agent.getBoolean("online")).isTrue();
        assertThat(agent.getString("onlineSince")).isEqualTo("2026-12-07T06:00:00Z");
        assertThat(agent.getDouble("lat")).isEqualTo(21.0);
        assertThat(nodes.get("xa-a/loa-2").getString("zone")).as("a zone the snapshot cut off: the commune's zone")
                .isEqualTo("z-xa-a");
        assertThat(byId(tree, "boards").get("xa-a/bang").getString("zone")).isEqualTo("xa-a/thon-1");
        assertThat(zones.keySet()).allMatch(ReadOnlyMirror::named);
        assertThat(nodes.keySet()).allMatch(ReadOnlyMirror::named);
    }

    @Test
    void aProvincesNestedCommunesHangBelowTheMirrorOfTheirZoneThereWithTheWholePathInTheirIds() {
        JsonObject commune = commune("xa").put("id", "xa-a").put("zone", "z-xa-a").put("receivedAt", "2026-12-07T09:01:00Z");
        JsonObject province = new JsonObject()
                .put("zones", new JsonArray().add(zone("tinh", "Tỉnh", null)).add(zone("z-xa-a", "Xã A", "tinh")))
                .put("nodes", new JsonArray()).put("boards", new JsonArray())
                .put("downstreams", new JsonArray().add(commune)
                        .add(new JsonObject().put("id", "xa-b").put("zone", "z-xa-b").put("omitted", true))
                        .add("not an object"));
        JsonObject tree = ProvinceTree.empty();

        ProvinceTree.merge(tree, "tinh", "z-tinh", province, 1);

        Map<String, JsonObject> zones = byId(tree, "zones");
        assertThat(zones.get("tinh/xa-a/xa").getString("parent")).isEqualTo("tinh/z-xa-a");
        assertThat(zones.get("tinh/xa-a/thon-1").getJsonObject("mirror").getString("downstream")).isEqualTo("tinh/xa-a");
        assertThat(byId(tree, "nodes").get("tinh/xa-a/loa-1").getString("zone")).isEqualTo("tinh/xa-a/thon-1");
        Map<String, JsonObject> below = byId(tree, "downstreams");
        assertThat(below.get("tinh/xa-a").getString("zone")).isEqualTo("tinh/z-xa-a");
        assertThat(below.get("tinh/xa-a").getString("zoneName")).isEqualTo("Xã A");
        assertThat(below.get("tinh/xa-a").getString("receivedAt")).isEqualTo("2026-12-07T09:01:00Z");
        assertThat(below.get("tinh/xa-b").getBoolean("omitted")).isTrue();
        assertThat(below.get("tinh/xa-b").getString("zone")).as("a zone the snapshot does not hold").isEqualTo("z-tinh");
    }

    @Test
    void entriesOfAnotherVendorsSnapshotThatAreNotObjectsOrHaveNoIdAreSkipped() {
        JsonObject odd = new JsonObject().put("zones", new JsonArray().add(1).add(new JsonObject().put("name", "x"))
                .add(new JsonObject().put("id", "t").put("name", 5))).put("nodes", "none");
        JsonObject tree = ProvinceTree.empty();

        ProvinceTree.merge(tree, "xa-c", "z-xa-c", odd, 1);

        assertThat(tree.getJsonArray("zones")).hasSize(1);
        assertThat(tree.getJsonArray("zones").getJsonObject(0).getString("name")).isNull();
        assertThat(tree.getJsonArray("nodes")).isEmpty();
    }
}
