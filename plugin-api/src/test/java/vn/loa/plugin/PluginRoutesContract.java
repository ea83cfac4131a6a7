package vn.loa.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a plugin with {@link PluginRoutes} must do: unknown paths are refused in Loa's error shape. */
public interface PluginRoutesContract extends PluginContract {

    @Test
    default void aPathThePluginDoesNotKnowIsA404InLoasErrorShape() throws Exception {
        Plugin plugin = plugin();
        plugin.start(new RecordingContext(plugin.validate(workingSettings())));
        try {
            PluginResponse r = plugin.routes().orElseThrow().handle(new PluginRequest("GET", "/khong-co-duong-nay",
                    Map.of(), null, null, "clerk-a", "clerk"));
            assertEquals(404, r.status());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            assertTrue(r.bodyText().startsWith("{\"error\":\"not_found\",\"message\":\""), r.bodyText());
        } finally {
            plugin.stop();
        }
    }
}
