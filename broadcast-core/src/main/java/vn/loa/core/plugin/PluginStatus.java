package vn.loa.core.plugin;

import java.util.List;
import vn.loa.plugin.Unit;

/**
 * One plugin as the admin's list shows it.
 *
 * @param capabilities what it contributes: {@code content}, {@code alerts}, {@code outbound}, {@code routes}
 * @param origin       where it was found: {@code classpath} or a file in the plugins folder
 * @param reason       why it is DEGRADED or FAILED, or null
 * @param unit         the unit whose configuration this is (the asker's own or the nearest above), or null when no
 *                     unit up the tree configured the plugin
 */
public record PluginStatus(String name, String description, int apiVersion, List<String> capabilities,
        String origin, boolean enabled, PluginState state, String reason, Unit unit) {

    public PluginStatus {
        capabilities = List.copyOf(capabilities);
    }
}
