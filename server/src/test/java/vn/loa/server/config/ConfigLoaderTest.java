package vn.loa.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void defaultsGiveAnH2DatabaseInTheDataFolder() {
        LoaConfig config = ConfigLoader.load(Map.of("LOA_CONFIG", "/nonexistent/loa.conf"));

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.dbUrl()).startsWith("jdbc:h2:file:").contains(config.dataDir().toString());
        assertThat(config.isPostgres()).isFalse();
    }

    @Test
    void environmentOverridesEveryKey() {
        LoaConfig config = ConfigLoader.load(Map.of("LOA_CONFIG", "/nonexistent", "LOA_HTTP_PORT", "9090",
                "LOA_DB_URL", "jdbc:postgresql://db/loa", "LOA_ADMIN_PASSWORD", "s3cret-pass"));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.isPostgres()).isTrue();
        assertThat(config.adminPassword()).isEqualTo("s3cret-pass");
    }

    @Test
    void badValuesStopStartUpNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_HTTP_PORT", "tám")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_DB_URL", "mysql://x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_DB_URL");
    }

    @Test
    void securitySettingsAreReadAndCheckedAtStartUp() {
        var security = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_RELAY_ALLOWED_HOSTS", " Radio.Local , 10.0.0.9",
                "LOA_AUTH_SESSION_IDLE", "900")).security();
        assertThat(security.relayAllowedHosts()).containsExactlyInAnyOrder("radio.local", "10.0.0.9");
        assertThat(security.sessionIdle()).hasSeconds(900);
        assertThat(security.metricsToken()).isEmpty();

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_HTTP_HEADER_TIMEOUT", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_HTTP_HEADER_TIMEOUT");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_AUTH_PASSWORD_QUEUE", "nhiều")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_AUTH_PASSWORD_QUEUE");
    }

    @Test
    void thePluginSecretKeyIsABase64AesKeyOrUnset() {
        assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x")).security().secretKey()).isNull();
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_SECRET_KEY", key)).security().secretKey())
                .hasSize(32);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_SECRET_KEY", "mat-khau")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_SECRET_KEY")
                .hasMessageNotContaining("mat-khau");
    }

    @Test
    void everyDefaultKeyIsDocumented() throws Exception {
        String text = new String(ConfigLoader.class.getResourceAsStream("/loa-defaults.properties").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String key : ConfigLoader.defaults().stringPropertyNames()) {
            assertThat(text).as(key).contains("# [" + ConfigLoader.envName(key) + "]");
        }
    }
}
