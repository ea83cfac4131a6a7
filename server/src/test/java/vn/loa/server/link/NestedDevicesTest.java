package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.MemoryDatabase;

class NestedDevicesTest {

    private final MemoryDatabase db = new MemoryDatabase();
    private final Jdbi jdbi = db.jdbi();

    @Test
    void aProvinceNestsEachCommunesNewestSnapshotAndNamesOnlyThoseBeyondTheBudget() {
        String small = new JsonObject().put("nodes", new JsonArray().add(new JsonObject().put("id", "loa-thon-1")))
                .encode();
        String large = new JsonObject().put("nodes", new JsonArray().add(new JsonObject().put("id", "loa-" + "x"
                .repeat(500)))).encode();
        jdbi.useHandle(h -> {
            commune(h, "xa-a", small);
            commune(h, "xa-b", large);
            commune(h, "xa-c", small);
        });

        JsonArray nested = jdbi.withHandle(h -> DeviceReports.downstreams(h, small.length() * 2 + 10));

        assertThat(nested.stream().map(JsonObject.class::cast).map(d -> d.getString("id")))
                .containsExactly("xa-a", "xa-b", "xa-c");
        JsonObject a = nested.getJsonObject(0);
        assertThat(a.getString("zone")).isEqualTo("z-xa-a");
        assertThat(a.getJsonArray("nodes").getJsonObject(0).getString("id")).isEqualTo("loa-thon-1");
        assertThat(nested.getJsonObject(1).getBoolean("omitted")).as("past the budget").isTrue();
        assertThat(nested.getJsonObject(1).containsKey("nodes")).isFalse();
        assertThat(nested.getJsonObject(2).getJsonArray("nodes")).as("a smaller one after it still fits").hasSize(1);
    }

    private void commune(Handle h, String id, String snapshot) {
        db.zone("z-" + id, null);
        OffsetDateTime now = OffsetDateTime.parse("2026-12-07T01:00:00Z");
        h.createUpdate("INSERT INTO link_downstream (id, name, zone_id, key_hash, created_at) VALUES (:id, :id, :z, "
                + "'k', :now)").bind("id", id).bind("z", "z-" + id).bind("now", now).execute();
        h.createUpdate("INSERT INTO link_devices (downstream_id, snapshot, taken_at, received_at) VALUES (:id, :s, "
                + ":now, :now)").bind("id", id).bind("s", snapshot).bind("now", now).execute();
    }
}
