package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.TestServer;

/**
 * The first admin's password, generated and printed once at first start, must be replaced at the first sign-in
 * (issue 22): until then that session may only change it; afterwards everything works and the old password is gone.
 */
class FirstPasswordIT {

    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.onH2(Map.of("admin.password", ""));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Api.Reply login(String password) {
        return new Api(server.baseUrl(), null).post("/api/v1/auth/login",
                new JsonObject().put("username", "admin").put("password", password));
    }

    @Test
    void theGeneratedPasswordOpensOnlyThePasswordChange() {
        String generated = server.loa().generatedAdminPassword().orElseThrow();
        Api.Reply signIn = login(generated);
        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
        assertThat(signIn.json().getString("pending")).isEqualTo("password");
        Api admin = new Api(server.baseUrl(), signIn.json().getString("token"));

        Api.Reply refused = admin.get("/api/v1/zones");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().getString("error")).isEqualTo("password_change_required");
        assertThat(refused.json().getString("message")).contains("đổi mật khẩu");
        assertThat(admin.post("/api/v1/users", new JsonObject().put("username", "ke-gian").put("role", "admin")
                .put("unit", "root").put("password", "mat-khau-ke-gian-123")).status()).isEqualTo(401);

        Api.Reply weak = admin.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", generated)
                .put("newPassword", "12345678"));
        assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
        Api.Reply wrong = admin.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", "doan-bua")
                .put("newPassword", "Loa-xa-An-Binh-2026"));
        assertThat(wrong.status()).isEqualTo(403);

        Api.Reply changed = admin.post("/api/v1/users/me/password", new JsonObject().put("currentPassword", generated)
                .put("newPassword", "Loa-xa-An-Binh-2026"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(admin.get("/api/v1/zones").status()).as("the same session may act now").isEqualTo(200);

        assertThat(login(generated).status()).as("the generated password is gone").isEqualTo(401);
        Api.Reply again = login("Loa-xa-An-Binh-2026");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("pending")).as("nothing owed any more").isNull();
    }
}
