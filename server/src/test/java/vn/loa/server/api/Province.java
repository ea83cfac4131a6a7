package vn.loa.server.api;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * The test world: a province (the root) with two communes, A and B, each with a village, and one user per role in
 * commune A plus a clerk in commune B. Created through the API, as an operator would.
 */
final class Province {

    static final String PASSWORD = "mat-khau-thu-nghiem";
    private static final AtomicInteger IDS = new AtomicInteger();

    final String base;
    final Api admin;
    final Api clerkA;
    final Api approverA;
    final Api technicianA;
    final Api adminA;
    final Api clerkB;

    Province(TestServer server) {
        base = server.baseUrl();
        admin = Api.signIn(base, "admin", TestServer.ADMIN_PASSWORD);
        created(admin.post("/api/v1/zones", zone("xa-a", "Xã An Bình", null)));
        created(admin.post("/api/v1/zones", zone("thon-a1", "Thôn Đông", "xa-a")));
        created(admin.post("/api/v1/zones", zone("xa-b", "Xã Bình Minh", null)));
        created(admin.post("/api/v1/zones", zone("thon-b1", "Thôn Tây", "xa-b")));
        clerkA = user("clerk-a", "clerk", "xa-a");
        approverA = user("approver-a", "approver", "xa-a");
        technicianA = user("tech-a", "technician", "xa-a");
        adminA = user("admin-a", "admin", "xa-a");
        clerkB = user("clerk-b", "clerk", "xa-b");
    }

    /** A fresh id so tests sharing one server never collide. */
    static String unique(String prefix) {
        return prefix + "-" + IDS.incrementAndGet();
    }

    static JsonObject zone(String id, String name, String parent) {
        JsonObject z = new JsonObject().put("id", id).put("name", name);
        return parent == null ? z : z.put("parent", parent);
    }

    static JsonObject notice(String title, String... zones) {
        return new JsonObject().put("title", title).put("text", "Kính mời bà con dự họp.")
                .put("zones", new io.vertx.core.json.JsonArray(java.util.List.of(zones)));
    }

    Api user(String username, String role, String unit) {
        created(admin.post("/api/v1/users", new JsonObject().put("username", username).put("role", role)
                .put("unit", unit).put("password", PASSWORD).put("displayName", "Cán bộ " + username)));
        return Api.signIn(base, username, PASSWORD);
    }

    static Api.Reply created(Api.Reply reply) {
        if (reply.status() != 201) {
            throw new AssertionError("expected 201, got " + reply);
        }
        return reply;
    }
}
