package vn.loa.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do, whatever it contributes. A plugin's test class implements this (or one of the contracts
 * that extend it) and supplies the plugin and two sets of settings.
 */
public interface PluginContract {

    /** A fresh, unstarted instance of the plugin under test. */
    Plugin plugin();

    /** Settings with which the plugin works in the test's surroundings (local servers it started). */
    Settings workingSettings();

    /** Settings the plugin must refuse (a missing URL, a negative interval). */
    Settings brokenSettings();

    @Test
    default void nameIsAUrlSegmentAndDescriptionIsGiven() {
        assertTrue(PluginApi.NAME.matcher(plugin().name()).matches(), plugin().name());
        assertFalse(plugin().description().isBlank());
    }

    @Test
    default void isFoundByServiceLoader() {
        Class<?> type = plugin().getClass();
        assertTrue(ServiceLoader.load(Plugin.class).stream().anyMatch(p -> p.type().equals(type)),
                "declare " + type.getName() + " in META-INF/services/" + Plugin.class.getName());
    }

    @Test
    default void isBuiltAgainstThisApiVersion() {
        assertEquals(PluginApi.VERSION, plugin().apiVersion());
    }

    @Test
    default void workingSettingsPassValidation() throws Exception {
        assertNotNull(plugin().validate(workingSettings()));
    }

    @Test
    default void brokenSettingsAreRefusedWithAMessageForTheAdmin() {
        try {
            plugin().validate(brokenSettings());
            fail("accepted " + brokenSettings());
        } catch (InvalidSettingsException | IllegalArgumentException e) {
            assertFalse(e.getMessage() == null || e.getMessage().isBlank());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    @Test
    default void startsAndStopsWithWorkingSettings() throws Exception {
        Plugin plugin = plugin();
        plugin.start(new RecordingContext(plugin.validate(workingSettings())));
        plugin.stop();
    }
}
