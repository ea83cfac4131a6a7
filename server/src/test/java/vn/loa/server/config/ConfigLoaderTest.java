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
    void theSpeechEngineIsEspeakOrPiperWithVoicesInTheDataFolderByDefault() {
        var speech = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_DATA_DIR", "/srv/loa")).speech();
        assertThat(speech.engine()).isEqualTo("espeak");
        assertThat(speech.piperVoices()).isEqualTo(java.nio.file.Path.of("/srv/loa/voices"));
        var piper = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_TTS_ENGINE", "Piper", "LOA_TTS_PIPER_VOICES",
                "/opt/giong")).speech();
        assertThat(piper.engine()).isEqualTo("piper");
        assertThat(piper.piperVoices()).isEqualTo(java.nio.file.Path.of("/opt/giong"));
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_TTS_ENGINE", "vits")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_TTS_ENGINE").hasMessageContaining("piper");
    }

    @Test
    void aLinkTrustFileThatHoldsNoCertificateStopsStartUpNamingTheKey() throws Exception {
        java.nio.file.Path notPem = java.nio.file.Files.createTempFile("loa-trust-", ".pem");
        java.nio.file.Files.writeString(notPem, "không phải chứng chỉ");
        try {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_LINK_TRUST_CA",
                    notPem.toString()))).isInstanceOf(ConfigException.class).hasMessageContaining("LOA_LINK_TRUST_CA");
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_LINK_TRUST_CA",
                    "/nonexistent/ca.pem"))).isInstanceOf(ConfigException.class).hasMessageContaining("cannot read");
            assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x")).link().trustCa()).isNull();
            assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x")).link().keyGrace())
                    .isEqualTo(java.time.Duration.ofDays(7));
        } finally {
            java.nio.file.Files.delete(notPem);
        }
    }

    @Test
    void dailyBackupsAreOffUnlessATimeIsSetAndGoToTheDataFolder() {
        LoaConfig off = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_DATA_DIR", "/srv/loa"));
        assertThat(off.backup().daily()).isFalse();
        assertThat(off.backup().dir()).isEqualTo(java.nio.file.Path.of("/srv/loa/backups"));
        assertThat(off.backup().keep()).isEqualTo(7);
        var on = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_BACKUP_DAILY_AT", "02:30", "LOA_BACKUP_DIR",
                "/mnt/saoluu", "LOA_BACKUP_KEEP", "30")).backup();
        assertThat(on.dailyAt()).isEqualTo(java.time.LocalTime.of(2, 30));
        assertThat(on.dir()).isEqualTo(java.nio.file.Path.of("/mnt/saoluu"));
        assertThat(on.keep()).isEqualTo(30);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_BACKUP_DAILY_AT", "2 giờ sáng")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_BACKUP_DAILY_AT").hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_BACKUP_KEEP", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_BACKUP_KEEP");
    }

    @Test
    void theRedirectPortNeedsHttps() {
        assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x")).security().redirectPort()).isZero();
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_HTTP_REDIRECT_PORT", "80")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_HTTP_REDIRECT_PORT")
                .hasMessageContaining("needs HTTPS");
    }

    @Test
    void hotlineLimitsAreReadAndParkedCallsMayNeverTakeEverySlot() {
        var hotline = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_HOTLINE_PIN_TIMEOUT", "15",
                "LOA_HOTLINE_TCP_PER_ADDRESS", "4", "LOA_HOTLINE_PIN_BACKOFF", "120")).hotline();

        assertThat(hotline.settings().limits().pinTimeout()).hasSeconds(15);
        assertThat(hotline.settings().limits().tcpPerAddress()).isEqualTo(4);
        assertThat(hotline.settings().limits().pinWaiting()).isEqualTo(4);
        assertThat(hotline.pinBackoff()).hasSeconds(120);
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_HOTLINE_PIN_WAITING", "8")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_HOTLINE_PIN_WAITING")
                .hasMessageContaining("hotline.max.calls");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_HOTLINE_SIP_REALM", "a realm")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_HOTLINE_SIP_REALM");
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
    void httpsNeedsBothItsCertificateAndItsKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_TLS_CERT", "/etc/hosts")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_TLS_KEY");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_TLS_CERT", "/etc/hosts",
                "LOA_TLS_KEY", "/khong/co/tep.pem"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("/khong/co/tep.pem");
        assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x")).security().tls()).isFalse();
    }

    @Test
    void auditForwardingTakesOnlyTcpOrTlsWithAPort() {
        var audit = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_AUDIT_SYSLOG", "tls://syslog.tinh.gov.vn:6514"))
                .audit();
        assertThat(audit.syslog().getHost()).isEqualTo("syslog.tinh.gov.vn");
        assertThat(audit.signingKey().getFileName()).hasToString("audit-signing.key");

        for (String bad : new String[] {"udp://h:514", "tcp://h", "syslog.tinh.gov.vn:514", "tls://[::1"}) {
            assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_AUDIT_SYSLOG", bad)))
                    .as(bad).isInstanceOf(ConfigException.class).hasMessageContaining("LOA_AUDIT_SYSLOG");
        }
    }

    @Test
    void theStepUpAgeAndTheTotpIssuerAreReadAndChecked() {
        var security = ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_STEPUP_MAX_AGE", "300",
                "LOA_AUTH_TOTP_ISSUER", "Loa Quảng Nam")).security();
        assertThat(security.stepUpMaxAge()).hasMinutes(5);
        assertThat(security.totpIssuer()).isEqualTo("Loa Quảng Nam");
        assertThat(ConfigLoader.load(Map.of("LOA_CONFIG", "/x")).security().stepUpMaxAge()).hasMinutes(15);

        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_STEPUP_MAX_AGE", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_STEPUP_MAX_AGE");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("LOA_CONFIG", "/x", "LOA_AUTH_TOTP_ISSUER", "Loa:Tỉnh")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LOA_AUTH_TOTP_ISSUER");
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
