package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * Plugin secrets across restarts of a real server process (issue 22): settings stored in clear by an older Loa are
 * sealed at the next start and the plugin runs on as the unit's own user; a server given another key cannot open them,
 * leaves that unit's plugin stopped (not falling back to another unit's settings) and never logs the secret.
 */
class PluginSecretsAtRestIT {

    private static final String SECRET = "tk-upgrade-4c1d";

    @Test
    void clearSecretsOfAnOlderLoaAreSealedAtStartAndAnotherKeyOpensNothing() throws Exception {
        Path data = TempDirs.create("loa-plugin-secrets-");
        int port = ServerProcess.freePort();
        JsonObject settings = new JsonObject().put("webhooks", new JsonArray().add(new JsonObject().put("name", "sms")
                .put("url", "http://127.0.0.1:9/sms?token=" + SECRET)));
        try (ServerProcess first = ServerProcess.start(data, "", port, Map.of())) {
            Api admin = Api.signIn(first.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
            Province.created(admin.post("/api/v1/zones", Province.zone("xa-x", "Xã X", null)));
            Province.created(admin.post("/api/v1/users", new JsonObject().put("username", "admin-x").put("role", "admin")
                    .put("unit", "xa-x").put("password", Province.PASSWORD).put("displayName", "Quản trị xã X")));
            Api adminX = Api.signIn(first.baseUrl(), "admin-x", Province.PASSWORD);
            assertThat(adminX.put("/api/v1/plugins/notify", new JsonObject().put("enabled", true)
                    .put("settings", settings)).status()).isEqualTo(200);
        }
        // As an older Loa left it: the secret in clear, and no user of the unit's own for the plugin.
        try (Connection c = h2(data)) {
            c.createStatement().executeUpdate("UPDATE plugin_config SET settings = '" + settings.encode()
                    + "' WHERE name = 'notify'");
            c.createStatement().executeUpdate("DELETE FROM app_user WHERE username = 'plugin:notify@xa-x'");
        }

        try (ServerProcess second = ServerProcess.start(data, "", port, Map.of())) {
            Api adminX = Api.signIn(second.baseUrl(), "admin-x", Province.PASSWORD);
            JsonObject notify = adminX.get("/api/v1/plugins/notify").json();
            assertThat(notify.getString("state")).isEqualTo("RUNNING");
            assertThat(notify.encode()).doesNotContain(SECRET);
        }
        try (Connection c = h2(data)) {
            var rs = c.createStatement().executeQuery("SELECT settings FROM plugin_config WHERE name = 'notify'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).doesNotContain(SECRET).contains("loa-enc:v1:");
            var user = c.createStatement().executeQuery("SELECT COUNT(*) FROM app_user WHERE username = 'plugin:notify@xa-x'");
            assertThat(user.next() && user.getInt(1) == 1).as("the unit's plugin user is back").isTrue();
        }

        byte[] other = new byte[32];
        other[0] = 1;
        try (ServerProcess third = ServerProcess.start(data, "", port,
                Map.of("LOA_SECRET_KEY", Base64.getEncoder().encodeToString(other)))) {
            Api adminX = Api.signIn(third.baseUrl(), "admin-x", Province.PASSWORD);
            JsonObject notify = adminX.get("/api/v1/plugins/notify").json();
            assertThat(notify.getString("state")).isEqualTo("DISABLED");
            assertThat(notify.getString("unit")).isEqualTo("xa-x");
            assertThat(notify.encode()).doesNotContain(SECRET);
        }
        try (Stream<Path> files = Files.list(data)) {
            String logs = String.join("\n", files.filter(f -> f.getFileName().toString().startsWith("server-"))
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList());
            assertThat(logs).contains("cannot be decrypted").doesNotContain(SECRET);
        }
    }

    private static Connection h2(Path data) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + data.resolve("loa"));
    }
}
