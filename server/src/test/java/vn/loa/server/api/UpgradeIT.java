package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;

/**
 * A data folder (H2) and a PostgreSQL database made by an older Loa (commit 50c5950, how:
 * src/test/resources/upgrade/README.md) opened by this one, as an upgrade with the new {@code .deb} does: the migrations
 * since apply, and the zone, user (who can still sign in), node, notices, the daily schedule and the plugin's settings
 * are all there.
 */
class UpgradeIT {

    private static final String FLYWAY_VERSIONS =
            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"";

    @Test
    void aDataFolderOfAnOlderLoaOpensWithEverythingInIt() throws Exception {
        Path data = unzip("/upgrade/loa-data-50c5950.zip");
        assertThat(flywayVersions(data)).as("made before this Loa's migrations").doesNotContain("117");
        try (ServerProcess loa = ServerProcess.start(data, "", ServerProcess.freePort(), Map.of())) {
            assertEverythingIsThere(loa);
        }
        assertThat(flywayVersions(data)).as("this Loa's migrations applied").contains("117");
        assertThat(column(data, "SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS")).as("Quartz's trigger, which fires it")
                .containsExactly("0 30 6 * * ?");
    }

    @Test
    void aPostgresDatabaseOfAnOlderLoaOpensWithEverythingInIt() throws Exception {
        String url = olderPostgresDatabase();
        assertThat(column(url, FLYWAY_VERSIONS)).as("made before this Loa's migrations").contains("96")
                .doesNotContain("117");
        try (ServerProcess loa = ServerProcess.start(TempDirs.create("loa-upgrade-pg-data-"), url,
                ServerProcess.freePort(), Map.of())) {
            assertEverythingIsThere(loa);
        }
        assertThat(column(url, FLYWAY_VERSIONS)).as("this Loa's migrations applied").contains("117");
        assertThat(column(url, "SELECT cron_expression FROM qrtz_cron_triggers")).as("Quartz's trigger, which fires it")
                .containsExactly("0 30 6 * * ?");
    }

    @Test
    void aMigrationThatFailsOnPostgresLeavesTheDatabaseAsItWas() throws Exception {
        String url = olderPostgresDatabase();
        List<String> before = column(url, FLYWAY_VERSIONS);
        Path data = TempDirs.create("loa-upgrade-pg-data-");
        try (ServerProcess loa = ServerProcess.launch(data, url, ServerProcess.freePort(), Map.of(),
                withABrokenMigration())) {
            assertThat(loa.awaitExit(java.time.Duration.ofSeconds(90))).isEqualTo(3);
        }
        assertThat(serverLog(data)).contains("the database migration failed", "V9999", "Cài lại bản Loa trước đó");
        // Not only the broken step: none of this Loa's migrations stays, so the previous Loa opens it as it left it.
        assertThat(column(url, FLYWAY_VERSIONS)).isEqualTo(before);
        assertThat(column(url, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'upgrade_probe'"))
                .containsExactly("0");

        try (ServerProcess loa = ServerProcess.start(data, url, ServerProcess.freePort(), Map.of())) {
            assertEverythingIsThere(loa);
        }
        assertThat(column(url, FLYWAY_VERSIONS)).contains("117");
    }

    /** The tests' class path with, in front, a migration of a later Loa that breaks after a first statement. */
    private static String withABrokenMigration() throws Exception {
        Path extra = TempDirs.create("loa-broken-migration-");
        Files.createDirectories(extra.resolve("db/migration"));
        Files.writeString(extra.resolve("db/migration/V9999__broken_on_purpose.sql"),
                "CREATE TABLE upgrade_probe (id INT);\nINSERT INTO no_such_table VALUES (1);\n");
        return extra + java.io.File.pathSeparator + System.getProperty("java.class.path");
    }

    /** A fresh database of the test cluster holding the dump of the older Loa's. */
    private static String olderPostgresDatabase() throws Exception {
        String url = PostgresCluster.shared().newDatabase();
        Path dump = TempDirs.create("loa-upgrade-pg-").resolve("loa-postgres-50c5950.sql");
        try (InputStream in = UpgradeIT.class.getResourceAsStream("/upgrade/loa-postgres-50c5950.sql")) {
            Files.copy(in, dump);
        }
        PostgresCluster.shared().load(url, dump);
        return url;
    }

    private static String serverLog(Path data) throws Exception {
        try (var files = Files.list(data)) {
            return Files.readString(files.filter(p -> p.getFileName().toString().startsWith("server-")).findFirst()
                    .orElseThrow());
        }
    }

    /** What the older Loa was given (src/test/resources/upgrade/fill-50c5950.sh), as this Loa answers it. */
    private static void assertEverythingIsThere(ServerProcess loa) throws Exception {
        Api admin = Api.signIn(loa.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        assertThat(admin.get("/api/v1/zones").body()).contains("\"thon-cu\"", "Thôn Cũ");
        JsonObject clerk = find(admin.get("/api/v1/users").array(), "username", "canbo-cu");
        assertThat(clerk.getString("role")).isEqualTo("clerk");
        assertThat(clerk.getString("unit")).isEqualTo("thon-cu");
        assertThat(Api.signIn(loa.baseUrl(), "canbo-cu", "Mat-khau-cu-2026!").token()).isNotBlank();
        JsonObject node = find(admin.get("/api/v1/nodes").array(), "id", "loa-cu");
        assertThat(node.getString("name")).isEqualTo("Loa chợ cũ");
        assertThat(node.getDouble("lat")).isEqualTo(10.77);

        JsonObject daily = admin.get("/api/v1/announcements/2").json();
        assertThat(daily.getString("title")).isEqualTo("Bản tin sáng hằng ngày");
        assertThat(daily.getString("state")).isEqualTo("SCHEDULED");
        assertThat(daily.getJsonObject("schedule").getString("cron")).isEqualTo("0 30 6 * * ?");
        assertThat(admin.get("/api/v1/announcements/1").json().getString("title")).isEqualTo("Thông báo từ bản cũ");
        // The daily schedule is planned still: the grid of 1 January 2030 has its 06:30 airing.
        JsonObject grid = admin.get("/api/v1/schedule?from=2030-01-01T00:00:00%2B07:00&to=2030-01-02T00:00:00%2B07:00")
                .json();
        assertThat(grid.getJsonArray("items").encode()).contains("Bản tin sáng hằng ngày", "2030-01-01T06:30:00+07:00");

        JsonObject plugin = admin.get("/api/v1/plugins/portal-news").json();
        assertThat(plugin.getBoolean("enabled")).isFalse();
        assertThat(plugin.getJsonObject("settings").getJsonArray("feeds").getString(0))
                .isEqualTo("https://xa-cu.example.gov.vn/rss");
        assertThat(plugin.getJsonObject("settings").getInteger("intervalSeconds")).isEqualTo(900);
    }

    @Test
    void aMigrationThatFailsLeavesTheDataAsItWasAndSaysWhatToDo() throws Exception {
        Path data = unzip("/upgrade/loa-data-50c5950.zip");
        List<String> before = flywayVersions(data);
        try (ServerProcess loa = ServerProcess.launch(data, "", ServerProcess.freePort(), Map.of(),
                withABrokenMigration())) {
            assertThat(loa.awaitExit(java.time.Duration.ofSeconds(90))).isEqualTo(3);
        }
        assertThat(serverLog(data)).contains("the database migration failed", "V9999", "put back as it was",
                "Cài lại bản Loa trước đó");
        // The database as the older Loa left it (compacted at start, as every start does): none of this Loa's
        // migrations, and not the table the broken one had already made.
        assertThat(flywayVersions(data)).isEqualTo(before);
        assertThat(column(data, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'UPGRADE_PROBE'"))
                .containsExactly("0");
        assertThat(data.resolve("loa.mv.db.before-upgrade")).doesNotExist();

        // This Loa, without the broken migration, then upgrades it as usual.
        try (ServerProcess loa = ServerProcess.start(data, "", ServerProcess.freePort(), Map.of())) {
            Api admin = Api.signIn(loa.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
            assertThat(admin.get("/api/v1/announcements/1").json().getString("title")).isEqualTo("Thông báo từ bản cũ");
        }
        assertThat(flywayVersions(data)).contains("117");
    }

    private static JsonObject find(JsonArray rows, String key, String value) {
        return rows.stream().map(JsonObject.class::cast).filter(r -> value.equals(r.getString(key))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in " + rows.encode()));
    }

    private static List<String> flywayVersions(Path data) throws Exception {
        return column(data, FLYWAY_VERSIONS);
    }

    /** One column of a query on the (closed) H2 database of {@code data}. */
    private static List<String> column(Path data, String query) throws Exception {
        return column("jdbc:h2:file:" + data.resolve("loa") + ";IFEXISTS=TRUE", "", query);
    }

    /** One column of a query on the PostgreSQL database of {@code url}, as the test cluster's user {@code loa}. */
    private static List<String> column(String url, String query) throws Exception {
        return column(url, "loa", query);
    }

    private static List<String> column(String url, String user, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, "");
                ResultSet rows = c.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static Path unzip(String resource) throws Exception {
        Path dir = TempDirs.create("loa-upgrade-");
        try (InputStream in = UpgradeIT.class.getResourceAsStream(resource); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return dir;
    }
}
