package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static vn.loa.server.api.Province.notice;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/** Day-to-day upkeep: renaming and removing zones, editing drafts, managing users and passwords. */
class ManagementIT extends ApiSuite {

    @Test
    void zoneIsRenamedAndAnEmptyOneRemoved() {
        String id = Province.unique("xom");
        created(province.technicianA.post("/api/v1/zones", Province.zone(id, "Xóm Mới", "thon-a1")));

        var renamed = province.technicianA.put("/api/v1/zones/" + id, new JsonObject().put("name", "Xóm Cầu"));
        assertThat(renamed.json().getString("name")).isEqualTo("Xóm Cầu");
        assertThat(province.technicianA.delete("/api/v1/zones/" + id).status()).isEqualTo(204);
        assertRefused(province.technicianA.get("/api/v1/zones/" + id), 404, "not_found");
    }

    @Test
    void zoneInUseCannotBeRemoved() {
        String id = Province.unique("xom");
        created(province.technicianA.post("/api/v1/zones", Province.zone(id, "Xóm Có Loa", "thon-a1")));
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa xóm").put("zone", id).put("kind", "agent")));

        assertRefused(province.technicianA.delete("/api/v1/zones/" + id), 409, "in_use");
        assertRefused(province.technicianA.delete("/api/v1/zones/xa-a"), 403, "forbidden");
        assertThat(province.technicianA.get("/api/v1/zones/" + id).status()).isEqualTo(200);
    }

    @Test
    void draftIsEditedButNotOnceSubmitted() {
        long id = created(province.clerkA.post("/api/v1/announcements", notice("Họp", "thon-a1"))).json().getLong("id");
        String path = "/api/v1/announcements/" + id;

        var edited = province.clerkA.put(path, notice("Họp dân (đổi giờ)", "thon-a1", "xa-a").put("repeat", 3));
        assertThat(edited.json().getString("title")).isEqualTo("Họp dân (đổi giờ)");
        assertThat(edited.json().getJsonArray("zones")).containsExactlyInAnyOrder("thon-a1", "xa-a");
        assertThat(edited.json().getInteger("repeat")).isEqualTo(3);

        province.clerkA.post(path + "/submit", null);
        assertRefused(province.clerkA.put(path, notice("Sửa lén", "thon-a1")), 409, "invalid_state");
        assertThat(province.clerkA.get(path).json().getString("title")).isEqualTo("Họp dân (đổi giờ)");
    }

    @Test
    void disabledUserCannotSignIn() {
        String name = Province.unique("tam");
        province.user(name, "clerk", "xa-a");

        var disabled = province.adminA.put("/api/v1/users/" + name, new JsonObject().put("enabled", false));
        assertThat(disabled.json().getBoolean("enabled")).isFalse();
        var login = anonymous().post("/api/v1/auth/login", new JsonObject().put("username", name)
                .put("password", Province.PASSWORD));
        assertRefused(login, 401, "invalid_credentials");
    }

    @Test
    void userChangesTheirOwnPasswordKnowingTheCurrentOne() {
        String name = Province.unique("doi");
        Api user = province.user(name, "clerk", "xa-a");

        assertRefused(user.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", "sai")
                .put("newPassword", "mat-khau-moi-1")), 403, "forbidden");
        assertRefused(user.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", Province.PASSWORD)
                .put("newPassword", "ngan")), 400, "weak_password");
        assertThat(user.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", Province.PASSWORD)
                .put("newPassword", "mat-khau-moi-1")).status()).isEqualTo(204);

        assertThat(Api.signIn(server.baseUrl(), name, "mat-khau-moi-1")).isNotNull();
    }

    @Test
    void weakPasswordsAreRefusedInVietnameseAndLeadersNeedTwelveCharacters() {
        for (String weak : new String[] {"password", "12345678", "        ", "matkhau123"}) {
            var reply = province.adminA.post("/api/v1/users", new JsonObject().put("username", Province.unique("yeu"))
                    .put("role", "clerk").put("password", weak));
            assertRefused(reply, 400, "weak_password");
            assertThat(reply.json().getString("field")).isEqualTo("password");
        }
        assertRefused(province.adminA.post("/api/v1/users", new JsonObject().put("username", Province.unique("ld"))
                .put("role", "approver").put("password", "song-nuoc-1")), 400, "weak_password");
        String clerk = Province.unique("ngan");
        assertThat(province.adminA.post("/api/v1/users", new JsonObject().put("username", clerk)
                .put("role", "clerk").put("password", "song-nuoc-1")).status()).isEqualTo(201);
        // Promoting needs no new password, but a reset for the leader they now are must be long enough.
        assertRefused(province.adminA.put("/api/v1/users/" + clerk, new JsonObject().put("role", "approver")
                .put("password", "song-nuoc-2")), 400, "weak_password");
    }

    @Test
    void adminCannotLockThemselvesOutNorReachAnotherCommunesUsers() {
        assertRefused(province.adminA.put("/api/v1/users/admin-a", new JsonObject().put("enabled", false)),
                403, "forbidden");
        assertRefused(province.adminA.put("/api/v1/users/clerk-b", new JsonObject().put("enabled", false)),
                404, "not_found");
        assertThat(province.admin.get("/api/v1/users").body()).contains("clerk-b");
    }
}
