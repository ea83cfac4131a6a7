package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/** Sign-in, tokens, the throttle against guessing, and the open endpoints. */
class SignInIT extends ApiSuite {

    private Api.Reply login(String user, String password) {
        return anonymous().post("/api/v1/auth/login", new JsonObject().put("username", user).put("password", password));
    }

    @Test
    void adminSignsInWithTheConfiguredPassword() {
        var reply = login("admin", vn.loa.server.testing.TestServer.ADMIN_PASSWORD);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().getLong("expiresIn")).isPositive();
        Api admin = new Api(server.baseUrl(), reply.json().getString("token"));
        assertThat(admin.get("/api/v1/users/me").json().getString("role")).isEqualTo("admin");
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() {
        assertRefused(login("clerk-a", "sai-mat-khau"), 401, "invalid_credentials");
        assertRefused(login("khong-ton-tai", "sai-mat-khau"), 401, "invalid_credentials");

        var failures = province.admin.get("/api/v1/audit?action=auth.login_failed").array().stream()
                .map(a -> ((JsonObject) a).getString("actor")).toList();
        assertThat(failures).contains("clerk-a", "khong-ton-tai");
        // The commune's own admin sees failures of their people, not of names nobody owns.
        var seenByCommune = province.adminA.get("/api/v1/audit?action=auth.login_failed").array().stream()
                .map(a -> ((JsonObject) a).getString("actor")).toList();
        assertThat(seenByCommune).contains("clerk-a").doesNotContain("khong-ton-tai");
    }

    @Test
    void aClientThatAsksForEnglishIsRefusedInEnglish() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl() + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").header("Accept-Language", "en-GB,en;q=0.8,vi;q=0.5")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        new JsonObject().put("username", "no-such-user").put("password", "sai-mat-khau").encode()))
                .build();

        var reply = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(new JsonObject(reply.body()).getString("error")).isEqualTo("invalid_credentials");
        assertThat(new JsonObject(reply.body()).getString("message")).isEqualTo("Wrong user name or password.");
        assertThat(login("no-such-user", "sai-mat-khau").json().getString("message"))
                .isEqualTo("Sai tên đăng nhập hoặc mật khẩu.");
    }

    @Test
    void repeatedFailuresLockTheUserOutForAWhile() {
        province.user("doan-thu", "clerk", "xa-a");
        for (int i = 0; i < 5; i++) {
            assertThat(login("doan-thu", "doan-" + i).status()).isEqualTo(401);
        }

        var locked = login("doan-thu", Province.PASSWORD);

        assertRefused(locked, 429, "too_many_attempts");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void healthAndApiDescriptionAreOpen() {
        var health = anonymous().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getString("status")).isEqualTo("UP");
        assertThat(health.json().getString("database")).isEqualTo("UP");
        assertThat(health.json().getJsonObject("speech").getString("espeak-ng")).isEqualTo("UP");

        var openapi = anonymous().get("/api/v1/openapi.json");
        assertThat(openapi.json().getString("openapi")).startsWith("3.1");
        assertThat(openapi.json().getJsonObject("paths").fieldNames()).contains("/api/v1/announcements");
        assertThat(anonymous().get("/api/v1/openapi.yaml").body()).contains("operationId: createAnnouncement");
    }

    @Test
    void metricsArePrometheusText() {
        province.admin.get("/api/v1/zones");

        var metrics = anonymous().get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("# TYPE").contains("vertx_http_server_requests");
    }
}
