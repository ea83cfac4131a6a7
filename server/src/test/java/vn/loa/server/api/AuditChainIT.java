package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The tamper-evident audit log (issue 22): someone with database access edits or deletes a row, and
 * {@code GET /api/v1/audit/verify} names the first row that no longer fits; put back, the chain is whole again.
 */
class AuditChainIT extends ApiSuite {

    private static JsonObject verify() {
        var reply = province.adminA.get("/api/v1/audit/verify");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void anEditedOrDeletedRowIsFoundByVerify() {
        for (int i = 0; i < 3; i++) {
            province.clerkA.post("/api/v1/announcements", Province.notice("Họp tổ " + i, "thon-a1"));
        }
        assertThat(verify().getBoolean("intact")).as(verify().encode()).isTrue();
        assertThat(verify().getLong("checked")).isGreaterThanOrEqualTo(3);
        Jdbi db = server.loa().jdbi();
        Map<String, Object> row = db.withHandle(h -> h.createQuery("SELECT id, detail FROM audit WHERE "
                + "action = 'announcement.create' AND unit_path = '/root/xa-a/' ORDER BY id FETCH FIRST 1 ROW ONLY")
                .mapToMap().one());
        long id = ((Number) row.get("id")).longValue();

        db.useHandle(h -> h.createUpdate("UPDATE audit SET detail = 'không có gì' WHERE id = :id").bind("id", id).execute());

        JsonObject edited = verify();
        assertThat(edited.getBoolean("intact")).isFalse();
        assertThat(edited.getJsonObject("firstBroken").getLong("id")).isEqualTo(id);
        assertThat(edited.getJsonObject("firstBroken").getString("reason")).contains("sửa");

        db.useHandle(h -> h.createUpdate("UPDATE audit SET detail = :d WHERE id = :id")
                .bind("d", (String) row.get("detail")).bind("id", id).execute());
        assertThat(verify().getBoolean("intact")).as("put back as it was").isTrue();

        Map<String, Object> whole = db.withHandle(h -> h.createQuery("SELECT * FROM audit WHERE id = :id").bind("id", id)
                .mapToMap().one());
        long next = db.withHandle(h -> h.createQuery("SELECT MIN(id) FROM audit WHERE unit_path = '/root/xa-a/' AND id > :id")
                .bind("id", id).mapTo(Long.class).one());
        db.useHandle(h -> h.createUpdate("DELETE FROM audit WHERE id = :id").bind("id", id).execute());

        JsonObject deleted = verify();
        assertThat(deleted.getBoolean("intact")).isFalse();
        assertThat(deleted.getJsonObject("firstBroken").getLong("id")).as("the row after the deleted one").isEqualTo(next);

        db.useHandle(h -> h.createUpdate("INSERT INTO audit (id, at, actor, address, action, target, unit_path, detail, "
                + "prev_hash, row_hash) VALUES (:id, :at, :actor, :address, :action, :target, :unit_path, :detail, "
                + ":prev_hash, :row_hash)").bindMap(whole).execute());
        assertThat(verify().getBoolean("intact")).isTrue();
        assertRefused(province.clerkA.get("/api/v1/audit/verify"), 403, "forbidden");
    }
}
