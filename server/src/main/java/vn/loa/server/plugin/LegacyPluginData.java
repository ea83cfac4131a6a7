package vn.loa.server.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.loa.core.plugin.PluginHost;
import vn.loa.plugin.Unit;

/**
 * Moves a plugin's folder from the layout before plugins had one instance per unit ({@code plugin-data/<plugin>}) to
 * the folder of the unit that had configured it ({@code plugin-data/units/<unit>/<plugin>}), once.
 */
final class LegacyPluginData {

    private LegacyPluginData() {
    }

    static void move(Path pluginData, String plugin, Unit unit) {
        Path old = pluginData.resolve(plugin);
        Path now = PluginHost.dataDir(pluginData, plugin, unit);
        if (!Files.isDirectory(old) || Files.exists(now) || plugin.equals("units")) {
            return;
        }
        try {
            Files.createDirectories(now.getParent());
            Files.move(old, now);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the plugin folder of " + plugin + " into its unit's", e);
        }
    }
}
