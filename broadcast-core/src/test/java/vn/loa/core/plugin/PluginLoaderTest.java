package vn.loa.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import vn.loa.plugin.Plugin;

/**
 * Plugins dropped into the plugins folder: a jar, or a sub-folder of jars, each in a class loader of its own. The
 * plugins here are compiled by the test into jars that are not on the class path.
 */
class PluginLoaderTest {

    /** Compiles one plugin class into {@code jar}, with its ServiceLoader declaration. */
    private static void pluginJar(Path jar, String className, String body) throws IOException {
        Path src = Files.createTempDirectory("loa-plugin-src-");
        Path file = src.resolve(className + ".java");
        Files.writeString(file, "package thu;\npublic class " + className + " implements vn.loa.plugin.Plugin {\n"
                + body + "\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", src.toString(), "-cp", System.getProperty("java.class.path"),
                file.toString());
        assertThat(status).isZero();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("thu/" + className + ".class"));
            out.write(Files.readAllBytes(src.resolve("thu").resolve(className + ".class")));
            out.putNextEntry(new JarEntry("META-INF/services/" + Plugin.class.getName()));
            out.write(("thu." + className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private static String plugin(String name) {
        return "public String name() { return \"" + name + "\"; }\n"
                + "public String description() { return \"Plugin thả vào thư mục\"; }\n"
                + "public void start(vn.loa.plugin.PluginContext c) { }";
    }

    @Test
    void aJarAndAFolderOfJarsInThePluginsFolderAreLoadedEachInItsOwnClassLoader() throws IOException {
        Path folder = Files.createTempDirectory("loa-plugins-");
        pluginJar(folder.resolve("thoi-tiet.jar"), "ThoiTiet", plugin("thoi-tiet"));
        Files.createDirectories(folder.resolve("bao-chay"));
        pluginJar(folder.resolve("bao-chay").resolve("bao-chay.jar"), "BaoChay", plugin("bao-chay"));
        Files.writeString(folder.resolve("README.txt"), "không phải jar");

        List<PluginLoader.Found> found = PluginLoader.load(getClass().getClassLoader(), folder).stream()
                .filter(f -> !f.origin().equals("classpath")).toList();

        assertThat(found).extracting(f -> f.plugin().name()).containsExactly("bao-chay", "thoi-tiet");
        assertThat(found).extracting(PluginLoader.Found::origin)
                .as("named inside the plugins folder, never by the server's absolute path")
                .containsExactly(folder.getFileName() + "/bao-chay", folder.getFileName() + "/thoi-tiet.jar");
        assertThat(found.get(0).plugin().getClass().getClassLoader())
                .isNotSameAs(found.get(1).plugin().getClass().getClassLoader())
                .isNotSameAs(getClass().getClassLoader());
    }

    @Test
    void aPluginWhoseConstructorThrowsIsReportedNotLoaded() throws IOException {
        Path folder = Files.createTempDirectory("loa-plugins-");
        pluginJar(folder.resolve("hong.jar"), "Hong", "public Hong() { throw new IllegalStateException(\"thiếu cấu hình\"); }\n"
                + plugin("hong"));

        PluginLoader.Found found = PluginLoader.load(getClass().getClassLoader(), folder).stream()
                .filter(f -> !f.origin().equals("classpath")).findFirst().orElseThrow();

        assertThat(found.plugin()).isNull();
        assertThat(found.problem()).contains("thiếu cấu hình");
        assertThat(found.origin()).contains("hong.jar");
    }

    @Test
    void aMissingPluginsFolderIsNoError() {
        assertThat(PluginLoader.load(getClass().getClassLoader(), Path.of("/khong/co/thu-muc")))
                .allMatch(f -> f.origin().equals("classpath"));
    }
}
