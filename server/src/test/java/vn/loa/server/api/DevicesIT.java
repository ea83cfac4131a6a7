package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Technicians register, change and remove loudspeaker nodes and display boards. */
class DevicesIT extends ApiSuite {

    @Test
    void agentNodeGetsItsTokenOnceAtRegistration() {
        String id = Province.unique("loa-cho");
        JsonObject node = created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", id)
                .put("name", "Loa chợ Đông").put("zone", "thon-a1").put("kind", "agent"))).json();

        assertThat(node.getString("token")).hasSizeGreaterThan(20);
        JsonObject stored = province.technicianA.get("/api/v1/nodes/" + id).json();
        assertThat(stored.containsKey("token")).isFalse();
        assertThat(stored.getString("name")).isEqualTo("Loa chợ Đông");
    }

    @Test
    void rtpNodeNeedsAnAddressItCanReach() {
        JsonObject rtp = new JsonObject().put("id", Province.unique("loa-ip")).put("name", "Loa IP")
                .put("zone", "thon-a1").put("kind", "rtp").put("codec", "PCMU");

        assertRefused(province.technicianA.post("/api/v1/nodes", rtp), 400, "invalid_address");
        assertRefused(province.technicianA.post("/api/v1/nodes", rtp.copy().put("address", "10.0.0.5:70000")),
                400, "invalid_address");
        JsonObject ok = created(province.technicianA.post("/api/v1/nodes", rtp.put("address", "10.0.0.5:5004"))).json();
        assertThat(ok.getString("address")).isEqualTo("10.0.0.5:5004");
        assertThat(ok.getString("codec")).isEqualTo("PCMU");
    }

    @Test
    void nodeIsChangedAndRemoved() {
        String id = Province.unique("loa-dinh");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", id).put("name", "Loa đình")
                .put("zone", "thon-a1").put("kind", "agent")));

        var changed = province.technicianA.put("/api/v1/nodes/" + id, new JsonObject().put("name", "Loa đình làng")
                .put("zone", "xa-a").put("kind", "agent"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(province.technicianA.get("/api/v1/nodes/" + id).json().getString("zone")).isEqualTo("xa-a");

        assertThat(province.technicianA.delete("/api/v1/nodes/" + id).status()).isEqualTo(204);
        assertRefused(province.technicianA.get("/api/v1/nodes/" + id), 404, "not_found");
    }

    @Test
    void idInBodyMustMatchThePath() {
        String id = Province.unique("loa-doi");
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", id).put("name", "Loa")
                .put("zone", "thon-a1").put("kind", "agent")));

        assertRefused(province.technicianA.put("/api/v1/nodes/" + id, new JsonObject().put("id", "loa-khac")
                .put("name", "Loa").put("zone", "thon-a1").put("kind", "agent")), 400, "id_mismatch");
    }

    @Test
    void boardIsRegisteredWithItsScreen() {
        String id = Province.unique("bang-ubnd");
        JsonObject board = new JsonObject().put("id", id).put("name", "Bảng tin UBND xã").put("zone", "xa-a")
                .put("kind", "LED").put("width", 192).put("height", 64).put("driver", "ddp");

        created(province.technicianA.post("/api/v1/boards", board));
        JsonObject stored = province.clerkA.get("/api/v1/boards/" + id).json();

        assertThat(stored.getInteger("width")).isEqualTo(192);
        assertThat(stored.getString("kind")).isEqualTo("LED");
        assertRefused(province.technicianA.post("/api/v1/boards", board.put("width", 0)), 400, "invalid_request");
        assertThat(province.technicianA.delete("/api/v1/boards/" + id).status()).isEqualTo(204);
    }
}
