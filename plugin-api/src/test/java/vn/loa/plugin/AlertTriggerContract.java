package vn.loa.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a plugin with an {@link AlertTrigger} must do: one event, one alert. */
public interface AlertTriggerContract extends PluginContract {

    /** Makes one event happen that the working settings must alert on (readings that cross a threshold). */
    void causeOneEvent() throws Exception;

    @Test
    default void oneEventRaisesOneAlertWithZonesAndText() throws Exception {
        Plugin plugin = plugin();
        plugin.start(new RecordingContext(plugin.validate(workingSettings())));
        List<Alert> raised = new CopyOnWriteArrayList<>();
        try {
            plugin.alertTrigger().orElseThrow().arm(raised::add);
            causeOneEvent();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> !raised.isEmpty());
            Thread.sleep(500); // deliberate: proves that no second alert follows within this window
            assertEquals(1, raised.size(), raised.toString());
            assertFalse(raised.get(0).zones().isEmpty());
            assertFalse(raised.get(0).text().isBlank());
        } finally {
            plugin.alertTrigger().orElseThrow().disarm();
            plugin.stop();
        }
    }
}
