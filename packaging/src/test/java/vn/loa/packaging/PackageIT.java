package vn.loa.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TestCertificate;

/**
 * The built packages as a technician meets them: {@code dpkg -i}, the server started from the installed files as
 * the unit would start it (CI has no systemd: the unit's {@code ExecStart} as user {@code loa}), {@code /health} UP
 * with the three first-party plugins listed, a notice heard at an {@code rtp} node, the server's own daily backup in
 * its data folder (and restored), HTTPS with a redirect from port 80 under the unit's capability, then {@code dpkg -r}
 * (data kept) and {@code dpkg -P} (data gone).
 * One install for the whole class, purged at the end so the machine is left as found.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PackageIT {

    private static final String VERSION = System.getProperty("loa.version", "0.1.0-SNAPSHOT");
    private static final Path DIST = Path.of(System.getProperty("loa.dist", "../dist"));
    private static final Path DEB = DIST.resolve("loa_" + VERSION + "_all.deb");
    private static final Path NODE_DEB = DIST.resolve("loa-node_" + VERSION + "_all.deb");
    private static final Path TARBALL = DIST.resolve("loa-" + VERSION + ".tar.gz");
    private static final Path UNITS = Path.of("/usr/lib/systemd/system");
    private static final String PASSWORD = "Goi-thu-nghiem-2026!";

    private static final Path BACKUPS = Path.of("/var/lib/loa/backups");
    private static final String STALE_BACKUP = "loa-2026-01-01-0230.zip";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /**
     * Long enough for a loaded machine to start the server first (3-4 s idle, 25-30 s with the load average at 25
     * on two cores: the backup's time must not pass before the server reads it), short for the test.
     */
    private static final int DAILY_BACKUP_AFTER_SECONDS = 45;

    private static boolean userExisted;
    private static ZonedDateTime dailyBackupDue;
    private static double secondsToRestoreDaily = -1;
    private static String loadAverageAtInstall = "";
    private static Process server;
    private static double secondsToHealthy = -1;
    private static double secondsToBackup = -1;
    private static String base;

    @BeforeAll
    static void onlyAsRootOnACleanMachine() {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "PackageIT installs a .deb: it runs as root only (CI runs as root)");
        assumeTrue(Commands.exists("dpkg") && Commands.exists("runuser"), "PackageIT needs dpkg and runuser");
        assumeTrue(!installed("loa") && !installed("loa-node"),
                "a loa package is installed on this machine already: PackageIT will not touch it");
        userExisted = Commands.run("getent", "passwd", "loa").status() == 0;
    }

    @Test
    @Order(1)
    void packagesDeclareTheirDependenciesConffilesAndFiles() {
        String info = Commands.ok("dpkg-deb", "--info", DEB.toString());
        assertThat(info).contains("Package: loa", "Version: " + VERSION.replace("-SNAPSHOT", "~SNAPSHOT"),
                "Depends: openjdk-17-jre-headless | java17-runtime-headless, espeak-ng");
        assertThat(Commands.ok("dpkg-deb", "--info", DEB.toString(), "conffiles"))
                .contains("/etc/loa/loa.conf", "/etc/loa/node.conf");
        String files = Commands.ok("dpkg-deb", "--contents", DEB.toString());
        assertThat(files).contains("./usr/bin/loa -> /usr/share/loa/bin/loa",
                "./usr/lib/systemd/system/loa.service", "./usr/lib/systemd/system/loa-node.service",
                "./usr/share/loa/lib/loa-server-" + VERSION + ".jar",
                "./usr/share/loa/node/loa-node-agent-" + VERSION + ".jar",
                "./usr/share/loa/plugins/portal-news/loa-plugin-portal-news-" + VERSION + ".jar",
                "./usr/share/loa/plugins/iot-alerts/loa-plugin-iot-alerts-" + VERSION + ".jar",
                "./usr/share/loa/plugins/notify/loa-plugin-notify-" + VERSION + ".jar");

        assertThat(Commands.ok("dpkg-deb", "--info", NODE_DEB.toString())).contains("Package: loa-node");
        String nodeFiles = Commands.ok("dpkg-deb", "--contents", NODE_DEB.toString());
        assertThat(nodeFiles).contains("./usr/share/loa/node/loa-node-agent-" + VERSION + ".jar",
                "./usr/lib/systemd/system/loa-node.service").doesNotContain("/usr/share/loa/lib/", "system/loa.service\n");

        assertThat(Commands.ok("tar", "tzf", TARBALL.toString())).contains("loa-" + VERSION + "/bin/loa",
                "loa-" + VERSION + "/etc/loa.conf", "loa-" + VERSION + "/lib/loa-server-" + VERSION + ".jar",
                "loa-" + VERSION + "/plugins/notify/");
    }

    @Test
    @Order(2)
    void theInstalledServerComesUpAsLoaWithTheFirstPartyPluginsListed() throws Exception {
        loadAverageAtInstall = String.join(" ", List.of(Files.readAllLines(Path.of("/proc/loadavg")).get(0)
                .split(" ")).subList(0, 3));
        long start = System.nanoTime();
        Commands.ok("dpkg", "-i", DEB.toString());
        assertThat(Commands.ok("id", "-gn", "loa").strip()).isEqualTo("loa");
        assertThat(Commands.ok("stat", "-c", "%U:%G %a", "/var/lib/loa").strip()).isEqualTo("loa:loa 750");
        assertThat(Commands.ok("stat", "-c", "%U:%G %a", "/etc/loa/loa.conf").strip()).isEqualTo("root:loa 640");
        assertThat(Commands.ok("loa", "version").strip()).isEqualTo("Loa " + VERSION);

        ServiceUnit unit = ServiceUnit.read(UNITS.resolve("loa.service"));
        assertThat(unit.user()).isEqualTo("loa");
        assertThat(unit.environment()).containsKeys("LOA_CONFIG", "LOA_HEAP");
        for (String line : List.of("Restart=on-failure", "NoNewPrivileges=true", "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/loa", "AmbientCapabilities=CAP_NET_BIND_SERVICE",
                "CapabilityBoundingSet=CAP_NET_BIND_SERVICE")) {
            assertThat(unit.has(line)).as(line).isTrue();
        }
        // A daily backup due during this test (Vietnam time, as the setting reads), the newest one kept: the stale
        // one already in the folder goes once it is written.
        Files.createDirectories(BACKUPS);
        Files.write(BACKUPS.resolve(STALE_BACKUP), new byte[] {0});
        Commands.ok("chown", "-R", "loa:loa", BACKUPS.toString());
        dailyBackupDue = ZonedDateTime.now(VIETNAM).plusSeconds(DAILY_BACKUP_AFTER_SECONDS).withNano(0);
        int port = ServerProcess.freePort();
        File log = Files.createTempFile("loa-package-", ".log").toFile();
        server = new ProcessBuilder(unit.command(Map.of("LOA_HTTP_PORT", String.valueOf(port),
                "LOA_ADMIN_PASSWORD", PASSWORD, "LOA_BACKUP_DAILY_AT", dailyBackupDue.toLocalTime().toString(),
                "LOA_BACKUP_KEEP", "1"))).directory(unit.workingDirectory().toFile())
                .redirectErrorStream(true).redirectOutput(log).start();
        base = "http://127.0.0.1:" + port;
        Health.awaitUp(server, base, log.toPath());
        secondsToHealthy = (System.nanoTime() - start) / 1e9;

        Api admin = Api.signIn(base, "admin", PASSWORD);
        Api.Reply plugins = admin.get("/api/v1/plugins");
        assertThat(plugins.status()).isEqualTo(200);
        List<JsonObject> listed = plugins.array().stream().map(JsonObject.class::cast).toList();
        assertThat(listed).extracting(p -> p.getString("name"))
                .contains("portal-news", "iot-alerts", "notify");
        assertThat(listed).filteredOn(p -> List.of("portal-news", "iot-alerts", "notify").contains(p.getString("name")))
                .allSatisfy(p -> assertThat(p.getBoolean("enabled")).isFalse());
        // The database was written by the service's user in the data folder the conffile names.
        assertThat(Commands.ok("stat", "-c", "%U", "/var/lib/loa/loa.mv.db").strip()).isEqualTo("loa");

        // The installed doctor, beside the running service: the port and the database are the running Loa's.
        // --ntp 127.0.0.1: no query leaves the machine (no NTP server there, so the clock may be "could not check").
        Commands.Result doctor = Commands.run("runuser", "-u", "loa", "--", "env", "-i", "PATH=/usr/bin:/bin",
                "LOA_CONFIG=/etc/loa/loa.conf", "LOA_HTTP_PORT=" + port, "/usr/bin/loa", "doctor", "--ntp", "127.0.0.1");
        assertThat(doctor.status()).as(doctor.output()).isZero();
        assertThat(doctor.output()).contains("[ĐẠT] Cổng HTTP (HTTP port)", "in use by the running Loa",
                "[ĐẠT] Cơ sở dữ liệu (database)", "[ĐẠT] espeak-ng", "ready to broadcast");

        // The installed backup, as the service's user while it runs; a restore over the running server is refused.
        long backupStart = System.nanoTime();
        Commands.Result backup = Commands.run("runuser", "-u", "loa", "--", "env", "-i", "PATH=/usr/bin:/bin",
                "LOA_CONFIG=/etc/loa/loa.conf", "LOA_HTTP_PORT=" + port, "/usr/bin/loa", "backup",
                "/var/lib/loa/installed-backup.zip");
        secondsToBackup = (System.nanoTime() - backupStart) / 1e9;
        assertThat(backup.status()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("online");
        try (var zip = new java.util.zip.ZipFile("/var/lib/loa/installed-backup.zip")) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).toList())
                    .contains("database/loa.mv.db", "data/audit-signing.key", "manifest.json");
        }
        Commands.Result restore = Commands.run("env", "LOA_HTTP_PORT=" + port, "/usr/bin/loa", "restore",
                "/var/lib/loa/installed-backup.zip");
        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.output()).contains("server running");
    }

    @Test
    @Order(3)
    void aNoticeSpokenByTheInstalledServerArrivesAtAnRtpNode() throws Exception {
        assumeTrue(base != null, "the installed server did not start");
        Api admin = Api.signIn(base, "admin", PASSWORD);
        try (RtpCapture speaker = new RtpCapture()) {
            assertThat(admin.post("/api/v1/zones", new JsonObject().put("id", "thon-goi").put("name", "Thôn Gói"))
                    .status()).isEqualTo(201);
            assertThat(admin.post("/api/v1/nodes", new JsonObject().put("id", "loa-goi").put("name", "Loa cổng làng")
                    .put("zone", "thon-goi").put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port()))
                    .status()).isEqualTo(201);
            Api.Reply notice = admin.post("/api/v1/announcements", new JsonObject().put("title", "Thử loa")
                    .put("text", "Xin chào bà con thôn Gói.").put("zones", new JsonArray().add("thon-goi"))
                    .put("priority", "EMERGENCY").put("chime", false));
            assertThat(notice.status()).as(notice.body()).isEqualTo(201);
            long id = notice.json().getLong("id");
            var packets = speaker.receiveInBackground(1_500, 30_000);
            Api.Reply broadcast = admin.post("/api/v1/announcements/" + id + "/broadcast", null);
            assertThat(broadcast.status() / 100).as(broadcast.body()).isEqualTo(2);
            // espeak-ng ran as the user loa from the installed files, and the speech left as RTP: 50 packets a second.
            assertThat(packets.get(40, TimeUnit.SECONDS).size()).isGreaterThan(50);
        }
    }

    @Test
    @Order(4)
    void theInstalledServerBacksItselfUpDailyIntoItsDataFolderAndTheBackupRestores() throws Exception {
        assumeTrue(base != null, "the installed server did not start");
        // /health names the last daily backup once it is written: the stale one until then.
        JsonObject backup = new JsonObject();
        long deadline = System.nanoTime() + Duration.between(ZonedDateTime.now(VIETNAM), dailyBackupDue)
                .plusSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            backup = healthBackup();
            if ("OK".equals(backup.getString("state"))
                    && !STALE_BACKUP.equals(backup.getJsonObject("last").getString("file"))) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(backup.getString("state")).as("no daily backup by " + dailyBackupDue.toLocalTime()
                + " + 60 s (did the server start after that time?): " + backup.encode()).isEqualTo("OK");
        String name = backup.getJsonObject("last").getString("file");
        assertThat(name).isEqualTo("loa-" + dailyBackupDue.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"))
                + ".zip");
        Path daily = BACKUPS.resolve(name);
        assertThat(Commands.ok("stat", "-c", "%U:%G", daily.toString()).strip()).isEqualTo("loa:loa");
        try (var files = Files.list(BACKUPS)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("backup.keep=1: the stale one deleted")
                    .containsExactly(name);
        }

        // The installed restore, into an empty folder: every entry's digest checked, the database there to open.
        Path restored = Files.createTempDirectory("loa-package-restored-");
        Files.delete(restored);
        long start = System.nanoTime();
        Commands.Result restore = Commands.run("env", "LOA_DATA_DIR=" + restored,
                "LOA_HTTP_PORT=" + ServerProcess.freePort(), "/usr/bin/loa", "restore", daily.toString());
        secondsToRestoreDaily = (System.nanoTime() - start) / 1e9;
        try {
            assertThat(restore.status()).as(restore.output()).isZero();
            try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("loa")
                    + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r", "", "");
                    ResultSet admin = db.createStatement().executeQuery(
                            "SELECT role FROM app_user WHERE username = 'admin'")) {
                assertThat(admin.next()).as("the admin account the installed server made").isTrue();
                assertThat(admin.getString(1)).isEqualTo("admin");
            }
            assertThat(restored.resolve("audit-signing.key")).exists();
        } finally {
            Commands.run("rm", "-rf", restored.toString());
        }
    }

    @Test
    @Order(5)
    void aRedirectPortBelow1024OpensWithTheUnitsCapability() throws Exception {
        assumeTrue(base != null, "the installed server did not start");
        // readAllLines: Files.readString of a /proc file may stop after its first byte on some kernels.
        assumeTrue(Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_unprivileged_port_start"))
                .get(0).strip()) > 80, "any user may bind port 80 on this machine: the capability would prove nothing");
        assumeTrue(portFree(80), "port 80 is taken on this machine");
        stopServer();
        TestCertificate cert = TestCertificate.make();
        Path tls = Path.of("/etc/loa/tls");
        try {
            // As docs/install.md says: the PEM files readable by the group loa.
            Files.createDirectories(tls);
            Files.copy(cert.certificate(), tls.resolve("cert.pem"));
            Files.copy(cert.key(), tls.resolve("key.pem"));
            Commands.ok("chgrp", "-R", "loa", tls.toString());
            Commands.ok("chmod", "640", tls.resolve("cert.pem").toString(), tls.resolve("key.pem").toString());
            Commands.ok("chmod", "750", tls.toString());
            ServiceUnit unit = ServiceUnit.read(UNITS.resolve("loa.service"));
            int port = ServerProcess.freePort();
            File log = Files.createTempFile("loa-package-tls-", ".log").toFile();
            server = new ProcessBuilder(unit.command(Map.of("LOA_HTTP_PORT", String.valueOf(port),
                    "LOA_TLS_CERT", tls.resolve("cert.pem").toString(), "LOA_TLS_KEY", tls.resolve("key.pem").toString(),
                    "LOA_HTTP_REDIRECT_PORT", "80"))).directory(unit.workingDirectory().toFile())
                    .redirectErrorStream(true).redirectOutput(log).start();
            HttpClient https = HttpClient.newBuilder().sslContext(cert.clientContext())
                    .connectTimeout(Duration.ofSeconds(2)).build();
            Health.awaitUp(server, "https://127.0.0.1:" + port, log.toPath(), https);

            HttpResponse<String> plain = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(308);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + port + "/health");
            // The user loa holds that one capability and no other, as under systemd.
            List<String> status = Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status"));
            assertThat(status).contains("CapEff:\t0000000000000400", "CapBnd:\t0000000000000400");
        } finally {
            stopServer();
            Commands.run("rm", "-rf", tls.toString());
        }
    }

    @Test
    @Order(6)
    void theInstalledUnitsPassSystemdAnalyzeVerify() {
        assumeTrue(Commands.exists("systemd-analyze"), "systemd-analyze is not installed: units not verified");
        assumeTrue(installed("loa"), "the package did not install");
        Commands.ok("systemd-analyze", "verify", UNITS.resolve("loa.service").toString(),
                UNITS.resolve("loa-node.service").toString());
    }

    @Test
    @Order(7)
    void removeKeepsTheDataAndPurgeDeletesIt() throws Exception {
        assumeTrue(installed("loa"), "the package did not install");
        stopServer();
        // A conffile: the technician's change survives installing the package again (as an upgrade does).
        Files.writeString(Path.of("/etc/loa/loa.conf"), "\nhttp.port=8181\n", java.nio.file.StandardOpenOption.APPEND);
        Commands.ok("dpkg", "--force-confold", "-i", DEB.toString());
        assertThat(Path.of("/etc/loa/loa.conf")).content().contains("http.port=8181");
        assertThat(Commands.ok("stat", "-c", "%U:%G %a", "/etc/loa/loa.conf").strip()).isEqualTo("root:loa 640");
        Commands.ok("dpkg", "-r", "loa");
        assertThat(Path.of("/usr/bin/loa")).doesNotExist();
        assertThat(Path.of("/var/lib/loa/loa.mv.db")).exists();
        assertThat(Path.of("/etc/loa/loa.conf")).exists();
        Commands.ok("dpkg", "-P", "loa");
        assertThat(Path.of("/var/lib/loa")).doesNotExist();
        assertThat(Path.of("/etc/loa")).doesNotExist();
    }

    @Test
    @Order(8)
    void theNodePackageRunsTheAgentAndNothingElse() {
        assumeTrue(!installed("loa"), "the loa package is still installed");
        Commands.ok("dpkg", "-i", NODE_DEB.toString());
        try {
            assertThat(Commands.ok("loa", "version").strip()).isEqualTo("Loa " + VERSION);
            Commands.Result server = Commands.run("loa", "server");
            assertThat(server.status()).isEqualTo(69);
            assertThat(server.output()).contains("node agent only");
            // The agent itself starts from the installed jars and explains its arguments.
            assertThat(Commands.run("runuser", "-u", "loa", "--", "loa", "node", "--help").output())
                    .contains("--server URL", "--token T");
            assertThat(ServiceUnit.read(UNITS.resolve("loa-node.service")).has("EnvironmentFile=/etc/loa/node.conf"))
                    .isTrue();
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            Commands.ok("dpkg", "-P", "loa-node");
        }
        assertThat(Path.of("/etc/loa")).doesNotExist();
    }

    @AfterAll
    static void leaveTheMachineAsFound() throws Exception {
        stopServer();
        for (String pkg : List.of("loa", "loa-node")) {
            if (installed(pkg)) {
                Commands.run("dpkg", "-P", pkg);
            }
        }
        if (!userExisted && Commands.run("getent", "passwd", "loa").status() == 0) {
            Commands.run("userdel", "loa");
            Commands.run("groupdel", "loa");
        }
        writeFigures();
    }

    /** Stops the server: runuser's child is the JVM (the launcher execs it), so stop the whole tree. */
    private static void stopServer() throws InterruptedException {
        if (server == null) {
            return;
        }
        server.descendants().forEach(ProcessHandle::destroy);
        server.destroy();
        server.waitFor();
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server = null;
    }

    /** The {@code backup} part of the running server's {@code /health}. */
    private static JsonObject healthBackup() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonObject backup = new JsonObject(r.body()).getJsonObject("backup");
        return backup == null ? new JsonObject() : backup;
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean installed(String pkg) {
        return Commands.run("dpkg-query", "-W", "-f=${Status}", pkg).output().contains("install ok installed");
    }

    private static void writeFigures() throws IOException {
        String results = System.getProperty("loa.package.results");
        if (results == null || secondsToHealthy < 0) {
            return;
        }
        JsonObject figures = new JsonObject()
                .put("version", VERSION)
                .put("debBytes", Files.size(DEB))
                .put("nodeDebBytes", Files.size(NODE_DEB))
                .put("tarballBytes", Files.size(TARBALL))
                .put("installedKilobytes", installedSize())
                .put("secondsFromDpkgInstallToHealthUp", Math.round(secondsToHealthy * 10) / 10.0)
                .put("secondsToBackupFreshInstall", Math.round(secondsToBackup * 10) / 10.0)
                .put("secondsToRestoreDailyBackup", Math.round(secondsToRestoreDaily * 10) / 10.0)
                .put("cores", Runtime.getRuntime().availableProcessors())
                .put("loadAverageAtInstall", loadAverageAtInstall)
                .put("note", "dpkg -i of the loa .deb, then the unit's ExecStart as user loa, until GET /health "
                        + "answered UP (H2, first start: migrations and admin account included); the backup and "
                        + "restore of that fresh install (`loa backup` online, `loa restore` of the server's own daily "
                        + "backup); bench/results/backup.json has them for 10,000 notices and 1 GB of audio");
        Path out = Path.of(results);
        Files.createDirectories(out.getParent());
        Files.writeString(out, figures.encodePrettily() + "\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r--r--"));
    }

    private static long installedSize() {
        String info = Commands.run("dpkg-deb", "-f", DEB.toString(), "Installed-Size").output().strip();
        return info.isEmpty() ? -1 : Long.parseLong(info);
    }
}
