package vn.loa.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (raised.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
            assertEquals(1, raised.size(), raised.toString());
            assertFalse(raised.get(0).zones().isEmpty());
            assertFalse(raised.get(0).text().isBlank());
        } finally {
            plugin.alertTrigger().orElseThrow().disarm();
            plugin.stop();
        }
    }
}
