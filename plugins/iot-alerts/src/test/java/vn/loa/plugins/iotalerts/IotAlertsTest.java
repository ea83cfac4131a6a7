package vn.loa.plugins.iotalerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import vn.loa.plugin.Alert;
import vn.loa.plugin.AlertTriggerContract;
import vn.loa.plugin.InvalidSettingsException;
import vn.loa.plugin.Plugin;
import vn.loa.plugin.PluginRequest;
import vn.loa.plugin.PluginRoutesContract;
import vn.loa.plugin.RecordingContext;
import vn.loa.plugin.Settings;

/** iot-alerts against a real mosquitto broker started by the test. */
class IotAlertsTest implements AlertTriggerContract, PluginRoutesContract {

    private static final Mosquitto BROKER = new Mosquitto();

    @AfterAll
    static void stopBroker() {
        BROKER.close();
    }

    @Override
    public Plugin plugin() {
        return new IotAlerts();
    }

    static Settings settings(String broker) {
        return Settings.EMPTY.with("broker", broker).with("clientId", "loa-test-" + System.nanoTime())
                .with("rules", List.of(
                        Map.of("id", "song-cai", "topic", "xa/song-cai/muc-nuoc", "kind", "water_level", "above", 3.0,
                                "clearBelow", 2.7, "zones", List.of("thon-dong"), "place", "bến đò sông Cái"),
                        Map.of("id", "khoi-cho", "topic", "xa/cho/khoi", "kind", "smoke", "zones", List.of("thon-tay"),
                                "place", "chợ xã")));
    }

    @Override
    public Settings workingSettings() {
        return settings(BROKER.url());
    }

    @Override
    public Settings brokenSettings() {
        return workingSettings().with("rules", List.of(Map.of("id", "song-cai", "topic", "xa/song",
                "kind", "water_level", "above", 3.0, "clearBelow", 3.5, "zones", List.of("thon-dong"))));
    }

    @Override
    public void causeOneEvent() throws Exception {
        BROKER.publish("xa/song-cai/muc-nuoc", "2.4", "2.8", "3.1", "2.98", "3.02", "3.3");
    }

    @Test
    void jitterAfterAnEventRaisesNothingUntilTheLevelHasFallenAndRisenAgain() throws Exception {
        IotAlerts plugin = new IotAlerts();
        RecordingContext context = new RecordingContext(plugin.validate(workingSettings()));
        plugin.start(context);
        List<Alert> raised = new CopyOnWriteArrayList<>();
        plugin.arm(raised::add);
        try {
            BROKER.publish("xa/song-cai/muc-nuoc", "2.5", "3.05", "2.95", "3.1", "2.8", "3.2");
            // Readings of one sensor arrive in order: once the smoke alert is in, every water reading was judged.
            BROKER.publish("xa/cho/khoi", "1");
            awaitSize(raised, 2);
            assertThat(raised).extracting(Alert::title).containsExactly("Cảnh báo nước lên", "Cảnh báo cháy");
            assertThat(raised.get(0).text()).contains("bến đò sông Cái").contains("3,05 mét");

            BROKER.publish("xa/song-cai/muc-nuoc", "2.6", "3.4");
            awaitSize(raised, 3);
            assertThat(raised.get(2).key()).isNotEqualTo(raised.get(0).key());
            String rules = plugin.handle(new PluginRequest("GET", "/rules", Map.of(), null, null, "tech-a",
                    "technician")).bodyText();
            assertThat(rules).contains("\"connected\":true").contains("\"id\":\"song-cai\"")
                    .contains("\"state\":\"tripped\"").contains("\"lastValue\":3.4");
            assertThat(context.problems()).isEmpty();
        } finally {
            plugin.stop();
        }
    }

    @Test
    void anUnreachableBrokerIsReportedAndDoesNotFailTheStart() throws Exception {
        IotAlerts plugin = new IotAlerts();
        RecordingContext context = new RecordingContext(settings("tcp://127.0.0.1:9"));
        plugin.start(context);
        try {
            assertThat(context.problems()).singleElement().asString().contains("tcp://127.0.0.1:9");
        } finally {
            plugin.stop();
        }
    }

    @Test
    void rulesAreCheckedWithMessagesTheAdminCanActOn() {
        assertThatThrownBy(() -> new IotAlerts().validate(workingSettings().with("broker", "http://x")))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("broker");
        assertThatThrownBy(() -> new IotAlerts().validate(workingSettings().with("rules", List.of())))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("quy tắc");
        assertThatThrownBy(() -> new IotAlerts().validate(workingSettings().with("rules", List.of(Map.of("id", "a",
                "topic", "t", "kind", "lava", "above", 1, "zones", List.of("z"))))))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("water_level");
        assertThatThrownBy(() -> new IotAlerts().validate(brokenSettings()))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("clearBelow");
    }

    private static void awaitSize(List<?> list, int size) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> list.size() >= size);
        assertThat(list).hasSize(size);
    }
}
