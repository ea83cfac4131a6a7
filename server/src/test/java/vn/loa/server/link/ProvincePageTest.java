package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.MemoryDatabase;

/** The page of mirrored entries over real tables (H2 in memory): a province of a hundred communes, by scope. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvincePageTest {

    private static final int COMMUNES = 100;
    private static final int SPEAKERS = 50;

    private final MemoryDatabase db = new MemoryDatabase();
    private final ProvinceTree tree = new ProvinceTree(db.jdbi());

    ProvincePageTest() {
        db.zone("tinh", null);
        db.zone("huyen-1", "tinh");
        db.zone("huyen-2", "tinh");
        OffsetDateTime now = OffsetDateTime.parse("2026-12-07T01:00:00Z");
        for (int i = 0; i < COMMUNES; i++) {
            db.zone(String.format("xa-%03d", i), i < COMMUNES / 2 ? "huyen-1" : "huyen-2");
        }
        db.jdbi().useTransaction(h -> {
            for (int i = 0; i < COMMUNES; i++) {
                String id = String.format("xa-%03d", i);
                JsonArray nodes = new JsonArray();
                for (int n = 0; n < SPEAKERS; n++) {
                    nodes.add(new JsonObject().put("id", "loa-" + n).put("name", "Loa " + n).put("zone", "thon")
                            .put("kind", "agent").put("online", n % 2 == 0).put("lat", 21.0 + i * 0.01)
                            .put("lon", 105.0));
                }
                String snapshot = new JsonObject().put("at", "2026-12-07T00:59:00Z").put("zones", new JsonArray()
                        .add(new JsonObject().put("id", "thon").put("name", "Thôn"))).put("nodes", nodes).encode();
                h.createUpdate("INSERT INTO link_downstream (id, name, zone_id, key_hash, created_at) VALUES (:id, "
                        + ":id, :id, 'k', :now)").bind("id", id).bind("now", now).execute();
                h.createUpdate("INSERT INTO link_devices (downstream_id, snapshot, taken_at, received_at) VALUES "
                        + "(:id, :s, :now, :now)").bind("id", id).bind("s", snapshot).bind("now", now).execute();
            }
        });
    }

    @Test
    void aHundredCommunesOfFiftySpeakersComeInOnePage() {
        Caller province = new Caller("so", Role.ADMIN, "tinh", "/tinh/", null);

        JsonObject page = tree.page(province, 0, ProvinceTree.MOST);

        assertThat(page.getJsonArray("downstreams")).hasSize(COMMUNES);
        assertThat(page.getJsonArray("nodes")).hasSize(COMMUNES * SPEAKERS);
        assertThat(page.getValue("next")).isNull();
        assertThat(page.getJsonArray("zones").getJsonObject(0).getString("parent")).isEqualTo("xa-000");
    }

    @Test
    void aDistrictSeesOnlyItsOwnCommunesAPageAtATime() {
        Caller district = new Caller("huyen", Role.CLERK, "huyen-2", "/tinh/huyen-2/", null);

        JsonObject first = tree.page(district, 0, 30);
        JsonObject second = tree.page(district, first.getInteger("next"), 30);

        assertThat(first.getJsonArray("downstreams").getJsonObject(0).getString("id")).isEqualTo("xa-050");
        assertThat(first.getInteger("next")).isEqualTo(30);
        assertThat(second.getJsonArray("downstreams")).hasSize(COMMUNES / 2 - 30);
        assertThat(second.getValue("next")).isNull();
        assertThatThrownBy(() -> tree.page(district, 0, ProvinceTree.MOST + 1)).isInstanceOf(Refusal.class);
    }
}
