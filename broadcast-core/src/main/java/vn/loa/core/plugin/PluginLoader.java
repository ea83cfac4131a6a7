package vn.loa.core.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Stream;
import vn.loa.plugin.Plugin;

/**
 * Finds plugins with {@link ServiceLoader}: on the class path, and in a plugins folder where each {@code *.jar} and
 * each sub-folder of jars (a plugin with its libraries) gets a class loader of its own, whose parent holds the SPI.
 */
public final class PluginLoader {

    /**
     * A plugin that was found, or the reason one could not be instantiated (then {@code plugin} is null).
     *
     * @param factory makes a fresh instance for each unit that configures the plugin ({@code plugin} is the one Loa
     *                asks for its name, defaults and validation)
     */
    public record Found(Plugin plugin, Supplier<Plugin> factory, String origin, String problem) {

        /** A plugin whose every unit runs the same instance (tests with one unit). */
        public Found(Plugin plugin, String origin, String problem) {
            this(plugin, () -> plugin, origin, problem);
        }
    }

    private PluginLoader() {
    }

    /** Every plugin on {@code parent}'s class path and in {@code folder} (which may be absent). */
    public static List<Found> load(ClassLoader parent, Path folder) {
        List<Found> found = new ArrayList<>();
        collect(ServiceLoader.load(Plugin.class, parent), null, "classpath", found);
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.sorted().toList()) {
                    List<URL> jars = jarsOf(entry);
                    if (!jars.isEmpty()) {
                        // Never closed while the server runs: the plugin's classes stay in use.
                        URLClassLoader loader = new URLClassLoader("plugin:" + entry.getFileName(),
                                jars.toArray(URL[]::new), parent);
                        // Named within the plugins folder (plugins/x.jar): answers and audit rows never show where the
                        // server's files are.
                        collect(ServiceLoader.load(Plugin.class, loader), loader,
                                folder.getFileName() + "/" + entry.getFileName(), found);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the plugins folder " + folder, e);
            }
        }
        return found;
    }

    private static void collect(ServiceLoader<Plugin> services, ClassLoader own, String origin, List<Found> found) {
        var providers = services.stream().iterator();
        while (true) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                ServiceLoader.Provider<Plugin> provider = providers.next();
                // A folder's loader also sees the class path's plugins through its parent: take only its own.
                if (own != null && provider.type().getClassLoader() != own) {
                    continue;
                }
                try {
                    found.add(new Found(provider.get(), provider::get, origin, null));
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    found.add(new Found(null, origin + " (" + provider.type().getName() + ")",
                            PluginCalls.describe(e.getCause() != null ? e.getCause() : e)));
                }
            } catch (ServiceConfigurationError e) {
                found.add(new Found(null, origin, PluginCalls.describe(e)));
                return;
            }
        }
    }

    private static List<URL> jarsOf(Path entry) throws IOException {
        List<Path> jars;
        if (Files.isDirectory(entry)) {
            try (Stream<Path> inside = Files.list(entry)) {
                jars = inside.filter(PluginLoader::isJar).sorted().toList();
            }
        } else {
            jars = isJar(entry) ? List.of(entry) : List.of();
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls;
    }

    private static boolean isJar(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar");
    }
}
