package vn.loa.plugins.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.loa.plugin.AiredNotice;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.OutboundChannelContract;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginRoutesContract;
import vn.loa.plugin.RecordingContext;
import vn.loa.plugin.Settings;
import vn.loa.plugin.Unit;

/** notify against a real SMTP server (GreenMail) and a local webhook receiver, both started by the test. */
class NotifyTest implements OutboundChannelContract, PluginRoutesContract {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final WebhookReceiver HOOK = new WebhookReceiver();

    static {
        SMTP.start();
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        HOOK.close();
    }

    @Override
    public Plugin plugin() {
        return new Notify();
    }

    static Settings settings(String hookUrl) {
        return Settings.EMPTY
                .with("email", Map.of("host", "127.0.0.1", "port", SMTP.getSmtp().getPort(), "from", "loa@anbinh.gov.vn",
                        "to", List.of("chu-tich@anbinh.gov.vn", "van-phong@anbinh.gov.vn")))
                .with("webhooks", List.of(Map.of("name", "zalo-oa", "url", hookUrl,
                        "headers", Map.of("access_token", "bi-mat"))))
                .with("retries", 2).with("retryDelaySeconds", 0.05).with("timeoutSeconds", 5);
    }

    @Override
    public Settings workingSettings() {
        return settings(HOOK.url());
    }

    @Override
    public Settings brokenSettings() {
        return workingSettings().with("webhooks", List.of(Map.of("name", "sms", "url", "ftp://gateway")));
    }

    @Override
    public void assertReceived(AiredNotice notice) throws Exception {
        await(() -> Arrays.stream(SMTP.getReceivedMessages()).anyMatch(m -> subject(m).endsWith(notice.title())));
        MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).endsWith(notice.title()))
                .findFirst().orElseThrow();
        assertThat(mail.getContent().toString()).contains(notice.text()).contains(String.join(", ", notice.zoneNames()));
        assertThat(mail.getAllRecipients()).hasSize(2);
        await(() -> HOOK.calls().stream().anyMatch(c -> c.body().contains("\"id\":" + notice.id() + ",")));
        WebhookReceiver.Call call = HOOK.calls().stream().filter(c -> c.body().contains("\"id\":" + notice.id() + ","))
                .findFirst().orElseThrow();
        assertThat(call.body()).contains("\"title\":\"" + notice.title() + "\"").contains("\"message\":\"[Loa] ");
        assertThat(call.token()).isEqualTo("bi-mat");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static AiredNotice notice(long id, String title) {
        return new AiredNotice(id, title, "Mực nước sông Cái đang lên, bà con chú ý.", "EMERGENCY",
                List.of("thon-ben-song"), List.of("Thôn Bến Sông"), Instant.parse("2026-12-01T02:30:00Z"));
    }

    @Test
    void aFailingReceiverIsRetriedThenListedAndAnAdminCanSendItAgain() throws Exception {
        try (WebhookReceiver failing = new WebhookReceiver()) {
            failing.answer = 500;
            Notify plugin = new Notify();
            plugin.start(new RecordingContext(plugin.validate(settings(failing.url()))));
            try {
                plugin.deliver(notice(41, "Cảnh báo lũ"));
                await(() -> dead(plugin).contains("\"channel\":\"zalo-oa\""));
                // Tried once and retried twice, then listed with the reason; the e-mail went through.
                assertThat(failing.calls()).hasSize(3);
                assertThat(dead(plugin)).contains("\"id\":41,\"title\":\"Cảnh báo lũ\",\"attempts\":3")
                        .contains("\"lastError\":\"HTTP 500\"").doesNotContain("\"channel\":\"email\"");

                assertThat(plugin.handle(new PluginRequest("POST", "/dead-letters/retry", Map.of(), null, null,
                        "clerk-a", "clerk")).status()).isEqualTo(403);
                failing.answer = 200;
                assertThat(plugin.handle(new PluginRequest("POST", "/dead-letters/retry", Map.of(), null, null,
                        "admin-a", "admin")).bodyText()).isEqualTo("{\"retried\":1}");
                await(() -> failing.calls().size() == 4 && dead(plugin).equals("[]"));
            } finally {
                plugin.stop();
            }
        }
    }

    @Test
    void aProvincesInstanceShowsAndResendsEachCommuneItsOwnDeadLettersOnly() throws Exception {
        Unit province = new Unit("tinh", "/root/tinh/");
        Unit communeA = new Unit("xa-a", "/root/tinh/xa-a/");
        Unit communeB = new Unit("xa-b", "/root/tinh/xa-b/");
        try (WebhookReceiver failing = new WebhookReceiver()) {
            failing.answer = 500;
            Notify plugin = new Notify();
            plugin.start(new RecordingContext(plugin.validate(settings(failing.url()).with("email", null)
                    .with("retries", 0))));
            try {
                plugin.deliver(unitNotice(51, "Họp xã A", communeA));
                plugin.deliver(unitNotice(52, "Họp xã B", communeB));
                await(() -> failing.calls().size() == 2);
                await(() -> dead(plugin, province).contains("\"id\":52"));
                assertThat(dead(plugin, communeA)).contains("\"id\":51").doesNotContain("\"id\":52");
                assertThat(dead(plugin, province)).contains("\"id\":51").contains("\"id\":52");

                failing.answer = 200;
                assertThat(plugin.handle(new PluginRequest("POST", "/dead-letters/retry", Map.of(), null, null,
                        "admin-a", "admin", communeA)).bodyText()).isEqualTo("{\"retried\":1}");
                await(() -> failing.calls().size() == 3);
                assertThat(failing.calls().get(2).body()).contains("Họp xã A");
                assertThat(dead(plugin, communeB)).contains("\"id\":52");
            } finally {
                plugin.stop();
            }
        }
    }

    private static AiredNotice unitNotice(long id, String title, Unit unit) {
        return new AiredNotice(id, title, "Kính mời bà con dự họp.", "SCHEDULED", List.of("thon"), List.of("Thôn"),
                Instant.parse("2026-12-01T02:30:00Z"), unit);
    }

    private static String dead(Notify plugin, Unit unit) {
        return plugin.handle(new PluginRequest("GET", "/dead-letters", Map.of(), null, null, "tech", "technician",
                unit)).bodyText();
    }

    @Test
    void theSchemaMarksThePasswordWebhookUrlsAndHeaderValuesWriteOnly() {
        String schema = new Notify().settingsSchema();
        assertThat(schema.replaceAll("\\s", "")).contains("\"password\":{\"type\":\"string\",\"writeOnly\":true}")
                .contains("\"url\":{\"type\":\"string\",\"writeOnly\":true}")
                .contains("\"additionalProperties\":{\"type\":\"string\",\"writeOnly\":true}");
    }

    @Test
    void aReceiverThatRecoversBeforeTheLastRetryGetsTheNoticeAndNothingIsListed() throws Exception {
        try (WebhookReceiver flaky = new WebhookReceiver()) {
            flaky.answer = 503;
            Notify plugin = new Notify();
            plugin.start(new RecordingContext(plugin.validate(settings(flaky.url())
                    .with("retryDelaySeconds", 0.3).with("email", null))));
            try {
                plugin.deliver(notice(42, "Mưa lớn"));
                await(() -> flaky.calls().size() >= 1);
                flaky.answer = 200;
                await(() -> status(plugin).contains("\"sent\":1"));
                assertThat(dead(plugin)).isEqualTo("[]");
            } finally {
                plugin.stop();
            }
        }
    }

    @Test
    void settingsAreCheckedWithMessagesTheAdminCanActOn() {
        assertThatThrownBy(() -> new Notify().validate(Settings.EMPTY))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("kênh");
        assertThatThrownBy(() -> new Notify().validate(workingSettings().with("email", Map.of("host", "smtp",
                "from", "loa", "to", List.of("x@y"))))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("email.from");
        assertThatThrownBy(() -> new Notify().validate(workingSettings().with("webhooks", List.of(Map.of("name",
                "zalo", "url", HOOK.url(), "headers", Map.of("Host", "x")))))).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("zalo");
        assertThatThrownBy(() -> new Notify().validate(workingSettings().with("retries", 99)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("retries");
    }

    private static String dead(Notify plugin) {
        return plugin.handle(new PluginRequest("GET", "/dead-letters", Map.of(), null, null, "tech", "technician"))
                .bodyText();
    }

    private static String status(Notify plugin) {
        return plugin.handle(new PluginRequest("GET", "/status", Map.of(), null, null, "tech", "technician"))
                .bodyText();
    }

    private static void await(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(condition::getAsBoolean);
    }
}
