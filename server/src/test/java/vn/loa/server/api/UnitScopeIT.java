package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static vn.loa.server.api.Province.notice;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** A user sees and acts only within their own unit's subtree: commune A's clerk cannot touch commune B. */
class UnitScopeIT extends ApiSuite {

    @Test
    void communeClerkSeesOnlyTheZonesOfTheirCommune() {
        var ids = province.clerkA.get("/api/v1/zones").array().stream()
                .map(z -> ((JsonObject) z).getString("id")).toList();
        assertThat(ids).contains("xa-a", "thon-a1").doesNotContain("root", "xa-b", "thon-b1");
    }

    @Test
    void communeClerkCannotReadAnotherCommunesAnnouncement() {
        long id = created(province.clerkB.post("/api/v1/announcements", notice("Lịch tiêm phòng", "thon-b1")))
                .json().getLong("id");

        assertRefused(province.clerkA.get("/api/v1/announcements/" + id), 404, "not_found");
        var listed = province.clerkA.get("/api/v1/announcements?limit=500").array().stream()
                .map(a -> ((JsonObject) a).getLong("id")).toList();
        assertThat(listed).doesNotContain(id);
        assertThat(province.admin.get("/api/v1/announcements/" + id).status()).isEqualTo(200);
    }

    @Test
    void communeClerkCannotChangeOrBroadcastAnotherCommunesAnnouncement() {
        long id = created(province.clerkB.post("/api/v1/announcements", notice("Thu gom rác", "thon-b1")))
                .json().getLong("id");
        assertThat(province.clerkB.post("/api/v1/announcements/" + id + "/submit", null).status()).isEqualTo(200);

        assertRefused(province.approverA.post("/api/v1/announcements/" + id + "/approve", null), 404, "not_found");
        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null), 404, "not_found");
        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null), 404, "not_found");
        assertThat(province.admin.get("/api/v1/announcements/" + id).json().getString("state")).isEqualTo("SUBMITTED");
    }

    @Test
    void communeClerkCannotAddressAnotherCommunesZones() {
        assertRefused(province.clerkA.post("/api/v1/announcements", notice("Sai xã", "thon-a1", "thon-b1")),
                400, "unknown_zone");
        assertRefused(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa chợ").put("zone", "thon-b1").put("kind", "agent")), 400, "unknown_zone");
    }

    @Test
    void communeTechnicianCannotSeeAnotherCommunesNodes() {
        String id = Province.unique("loa-b");
        created(province.admin.post("/api/v1/nodes", new JsonObject().put("id", id).put("name", "Loa Thôn Tây")
                .put("zone", "thon-b1").put("kind", "agent")));

        assertRefused(province.technicianA.get("/api/v1/nodes/" + id), 404, "not_found");
        assertRefused(province.technicianA.delete("/api/v1/nodes/" + id), 404, "not_found");
        assertThat(province.technicianA.get("/api/v1/nodes").body()).doesNotContain(id);
        assertThat(province.admin.get("/api/v1/nodes/" + id).status()).isEqualTo(200);
    }

    @Test
    void provinceWideAnnouncementIsVisibleToCommunesButOnlyTheProvinceChangesIt() {
        long id = created(province.admin.post("/api/v1/announcements", notice("Cảnh báo bão số 3", "root")))
                .json().getLong("id");

        assertThat(province.clerkA.get("/api/v1/announcements/" + id).status()).isEqualTo(200);
        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null), 403, "forbidden");
    }

    @Test
    void communeAdminCreatesUsersOnlyInTheirCommune() {
        assertRefused(province.adminA.post("/api/v1/users", new JsonObject().put("username", Province.unique("u"))
                .put("role", "clerk").put("unit", "xa-b").put("password", "mat-khau-dai")), 400, "unknown_zone");
        var names = province.adminA.get("/api/v1/users").array().stream()
                .map(u -> ((JsonObject) u).getString("username")).toList();
        assertThat(names).contains("clerk-a").doesNotContain("clerk-b", "admin");
    }
}
