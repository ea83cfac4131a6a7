package vn.loa.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;

/**
 * The tarball as someone without dpkg uses it: unpacked anywhere, {@code bin/loa server} started from another folder
 * keeps its data in {@code loa-VERSION/data} and lists the three first-party plugins.
 */
class TarballIT {

    private static final String VERSION = System.getProperty("loa.version", "0.1.0-SNAPSHOT");
    private static final Path TARBALL = Path.of(System.getProperty("loa.dist", "../dist"), "loa-" + VERSION + ".tar.gz");

    @Test
    void theUnpackedServerKeepsItsDataBesideItselfAndListsThePlugins() throws Exception {
        Path where = TempDirs.create("loa-tarball-");
        Commands.ok("tar", "xzf", TARBALL.toAbsolutePath().toString(), "-C", where.toString());
        Path home = where.resolve("loa-" + VERSION);
        assertThat(Commands.ok(home.resolve("bin/loa").toString(), "version").strip()).isEqualTo("Loa " + VERSION);

        int port = ServerProcess.freePort();
        File log = where.resolve("server.log").toFile();
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/loa").toString(), "server")
                .directory(where.toFile()).redirectErrorStream(true).redirectOutput(log);
        pb.environment().put("LOA_HTTP_PORT", String.valueOf(port));
        pb.environment().put("LOA_HTTP_HOST", "127.0.0.1");
        pb.environment().put("LOA_ADMIN_PASSWORD", "Goi-nen-2026!");
        Process server = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            Health.awaitUp(server, base, log.toPath());
            List<String> names = Api.signIn(base, "admin", "Goi-nen-2026!").get("/api/v1/plugins").array().stream()
                    .map(p -> ((JsonObject) p).getString("name")).toList();
            assertThat(names).contains("portal-news", "iot-alerts", "notify");
            assertThat(home.resolve("data/loa.mv.db")).exists();
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

}
