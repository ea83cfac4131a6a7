package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.PluginsIT.waitFor;
import static vn.loa.server.api.Province.created;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/**
 * Plugins kept apart by unit (issue 22): commune B's notify settings, with secrets in a webhook's URL and header, are
 * B's alone, never shown in clear, sealed in the database and absent from audit and logs; a province's settings apply
 * in the communes below that have none of their own; one commune's dead letters are neither read nor re-sent by the
 * other's users; and no plugin's origin shows where the server keeps its files.
 */
class PluginTenancyIT extends ApiSuite {

    private static final String QUERY_TOKEN = "tk-query-xa-b-9f3";
    private static final String HEADER_SECRET = "hdr-xa-b-51c7";
    private static final String SMTP_PASSWORD = "smtp-xa-b-77aa";
    private static final String PROVINCE_HEADER = "hdr-tinh-0d2e";

    /** A webhook receiver that answers every call with {@code status} and keeps the bodies. */
    record Receiver(HttpServer server, List<String> bodies) implements AutoCloseable {
        static Receiver answering(int status) throws Exception {
            List<String> bodies = new CopyOnWriteArrayList<>();
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            s.start();
            return new Receiver(s, bodies);
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static JsonObject webhook(String name, String url, String headerName, String headerValue) {
        return new JsonObject().put("name", name).put("url", url)
                .put("headers", new JsonObject().put(headerName, headerValue));
    }

    private static Api adminB;
    private static Api approverB;
    /** The server (one per database) the users of commune B were made on. */
    private static Object usersOf;

    private static Api adminB() {
        if (usersOf != server) {
            usersOf = server;
            adminB = province.user(Province.unique("admin-b"), "admin", "xa-b");
            approverB = province.user(Province.unique("approver-b"), "approver", "xa-b");
        }
        return adminB;
    }

    @Test
    void communeBsSecretsAreItsOwnWriteOnlySealedAndNeverInAuditOrLogs() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        try (Receiver hook = Receiver.answering(200)) {
            JsonObject settings = new JsonObject()
                    .put("email", new JsonObject().put("host", "127.0.0.1").put("port", 2525).put("username", "loa-b")
                            .put("password", SMTP_PASSWORD).put("from", "loa@xa-b.gov.vn")
                            .put("to", new JsonArray().add("van-phong@xa-b.gov.vn")))
                    // A header whose name says nothing of a secret: only the plugin's schema marks it.
                    .put("webhooks", new JsonArray().add(webhook("zalo", hook.url("/hook?access=" + QUERY_TOKEN),
                            "X-Goi", HEADER_SECRET)));
            Api.Reply saved = adminB().put("/api/v1/plugins/notify", new JsonObject().put("enabled", true)
                    .put("settings", settings));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertNoSecret(saved.body());
            JsonObject shown = saved.json().getJsonObject("settings");
            assertThat(shown.getJsonArray("webhooks").getJsonObject(0).getString("url")).isEqualTo("********");
            assertThat(shown.getJsonArray("webhooks").getJsonObject(0).getJsonObject("headers").getString("X-Goi"))
                    .isEqualTo("********");
            assertThat(shown.getJsonObject("email").getString("username")).isEqualTo("loa-b");
            assertThat(saved.json().getString("unit")).isEqualTo("xa-b");

            // Commune A's admin sees A's (nothing configured), not B's.
            JsonObject seenByA = province.adminA.get("/api/v1/plugins/notify").json();
            assertNoSecret(seenByA.encode());
            assertThat(seenByA.encode()).doesNotContain("loa-b").doesNotContain("xa-b.gov.vn");
            assertThat(seenByA.getBoolean("enabled")).isFalse();
            assertThat(seenByA.getValue("unit")).isNull();
            assertNoSecret(province.adminA.get("/api/v1/plugins").body());

            // The audit names the fields that changed, never their values.
            String audit = province.admin.get("/api/v1/audit?limit=500").body();
            assertNoSecret(audit);
            assertThat(audit).contains("webhooks[0].url").contains("email.password");

            // At rest: sealed, not in clear.
            String stored = storedSettings("notify", "xa-b");
            assertNoSecret(stored);
            assertThat(stored).contains("loa-enc:v1:").contains("loa-b");
            Path keyFile = server.config().dataDir().resolve("secret.key");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

            // Sending the masks back keeps B's secrets: the webhook still reaches its URL with the token.
            JsonObject again = shown.copy().put("retries", 1);
            assertThat(adminB().put("/api/v1/plugins/notify", new JsonObject().put("settings", again)).status())
                    .isEqualTo(200);
            assertNoSecret(storedSettings("notify", "xa-b"));

            // A's admin cannot borrow B's (or anyone's) secret by sending a mask it has nothing saved for.
            assertRefused(province.adminA.put("/api/v1/plugins/notify", new JsonObject().put("enabled", true)
                    .put("settings", again)), 400, "secret_missing");
        } finally {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
            adminB().delete("/api/v1/plugins/notify");
        }
        assertNoSecret(String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList()));
    }

    @Test
    void aProvincesSettingsApplyBelowAndEachCommuneSeesAndResendsOnlyItsOwnDeadLetters() throws Exception {
        try (Receiver provinceHook = Receiver.answering(500); Receiver communeBHook = Receiver.answering(500);
                RtpCapture speakerA = new RtpCapture(); RtpCapture speakerB = new RtpCapture()) {
            Api.Reply configured = province.admin.put("/api/v1/plugins/notify", new JsonObject().put("enabled", true)
                    .put("settings", new JsonObject().put("webhooks", new JsonArray().add(webhook("tinh",
                            provinceHook.url("/tinh"), "X-Goi", PROVINCE_HEADER))).put("retries", 0)));
            assertThat(configured.status()).as(configured.toString()).isEqualTo(200);
            JsonObject inherited = province.adminA.get("/api/v1/plugins/notify").json();
            assertThat(inherited.getBoolean("inherited")).isTrue();
            assertThat(inherited.getBoolean("enabled")).isTrue();
            assertThat(inherited.encode()).doesNotContain(PROVINCE_HEADER).doesNotContain("/tinh");

            // Both communes have none of their own: the province's instance serves both, each sees its own part.
            long inA = aired(province.clerkA, province.approverA, "xa-a", speakerA, "Họp dân xã A");
            adminB();
            long inB = aired(province.clerkB, approverB, "xa-b", speakerB, "Họp dân xã B");
            waitFor(() -> provinceHook.bodies().size() == 2);
            waitFor(() -> province.admin.get("/api/v1/plugins/notify/dead-letters").body().contains("\"id\":" + inB));
            String deadForA = province.clerkA.get("/api/v1/plugins/notify/dead-letters").body();
            assertThat(deadForA).contains("\"id\":" + inA).doesNotContain("\"id\":" + inB);
            assertThat(province.clerkB.get("/api/v1/plugins/notify/dead-letters").body()).contains("\"id\":" + inB)
                    .doesNotContain("\"id\":" + inA);

            // A's admin re-sends: only A's notice goes out again.
            Api.Reply retried = province.adminA.post("/api/v1/plugins/notify/dead-letters/retry", null);
            assertThat(retried.body()).isEqualTo("{\"retried\":1}");
            waitFor(() -> provinceHook.bodies().size() == 3);
            assertThat(provinceHook.bodies().get(2)).contains("Họp dân xã A");
            assertThat(province.clerkB.get("/api/v1/plugins/notify/dead-letters").body()).contains("\"id\":" + inB);

            // B configures its own: from now on B's notices go to B's receiver, and A's users cannot reach them.
            assertThat(adminB().put("/api/v1/plugins/notify", new JsonObject().put("enabled", true).put("settings",
                    new JsonObject().put("webhooks", new JsonArray().add(webhook("xa-b", communeBHook.url("/xa-b"),
                            "X-Goi", HEADER_SECRET))).put("retries", 0))).status()).isEqualTo(200);
            long inB2 = aired(province.clerkB, approverB, "xa-b", speakerB, "Họp dân xã B lần hai");
            waitFor(() -> communeBHook.bodies().size() == 1);
            waitFor(() -> province.clerkB.get("/api/v1/plugins/notify/dead-letters").body().contains("\"id\":" + inB2));
            assertThat(province.clerkA.get("/api/v1/plugins/notify/dead-letters").body())
                    .doesNotContain("\"id\":" + inB2);
            assertThat(province.adminA.post("/api/v1/plugins/notify/dead-letters/retry", null).body())
                    .isEqualTo("{\"retried\":1}"); // A's own again (it failed once more), never B's
            assertThat(provinceHook.bodies().size()).isLessThanOrEqualTo(4);
            assertThat(communeBHook.bodies()).hasSize(1);
            assertThat(province.adminA.get("/api/v1/plugins/notify").json().getString("unit"))
                    .isEqualTo(province.admin.get("/api/v1/plugins/notify").json().getString("unit"));
            // B drops its own settings: the province's apply there again.
            assertThat(adminB().delete("/api/v1/plugins/notify").json().getBoolean("inherited")).isTrue();
            assertRefused(adminB().delete("/api/v1/plugins/notify"), 404, "not_found");
        } finally {
            province.admin.delete("/api/v1/plugins/notify");
            adminB().delete("/api/v1/plugins/notify");
        }
    }

    @Test
    void aProvinceAndACommuneRunningTheSameFeedEachGetItsSlideAndItsUser() throws Exception {
        String title = Province.unique("Lịch tiêm phòng");
        JsonObject items = new JsonObject().put("items", new JsonArray()
                .add(PluginsIT.item("s-" + title, title, "thon-a1").put("target", "SLIDE")));
        try {
            assertThat(province.admin.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)
                    .put("settings", items)).status()).isEqualTo(200);
            assertThat(province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)
                    .put("settings", items)).status()).isEqualTo(200);
            waitFor(() -> ProposedSlidesIT.proposed(province.admin, title).size() == 2);
            assertThat(ProposedSlidesIT.proposed(province.clerkA, title)).hasSize(1);
            assertThat(ProposedSlidesIT.proposed(province.clerkB, title)).isEmpty();
            String audit = province.admin.get("/api/v1/audit?limit=500").body();
            assertThat(audit).contains("plugin:echo@xa-a").contains("plugin:echo@" + rootUnit());
        } finally {
            province.admin.delete("/api/v1/plugins/echo");
            province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", false));
        }
    }

    private static String rootUnit() {
        return province.admin.get("/api/v1/users/me").json().getString("unit");
    }

    @Test
    void noPluginsOriginOrReasonShowsTheServersFolders() {
        String dataDir = server.config().dataDir().toAbsolutePath().toString();
        for (Object p : province.admin.get("/api/v1/plugins").array()) {
            JsonObject plugin = (JsonObject) p;
            assertThat(plugin.getString("origin")).satisfiesAnyOf(o -> assertThat(o).isEqualTo("classpath"),
                    o -> assertThat(o).startsWith("plugins/"));
            assertThat(plugin.encode()).doesNotContain(dataDir);
        }
    }

    /** A notice in a new village of {@code unit}, approved and aired to a speaker there; waits until DONE. */
    private static long aired(Api clerk, Api approver, String unit, RtpCapture speaker, String title)
            throws Exception {
        String zone = Province.unique("thon-" + unit);
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + title, unit)));
        created(province.admin.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
        long id = created(clerk.post("/api/v1/announcements", new JsonObject().put("title", title)
                .put("text", "Kính mời bà con dự họp.").put("chime", false).put("zones", new JsonArray().add(zone))))
                .json().getLong("id");
        clerk.post("/api/v1/announcements/" + id + "/submit", null);
        approver.post("/api/v1/announcements/" + id + "/approve", null);
        clerk.post("/api/v1/announcements/" + id + "/broadcast", null);
        OnAirIT.waitForState(clerk, id, "DONE");
        return id;
    }

    private static String storedSettings(String plugin, String unit) throws Exception {
        var config = server.config();
        try (Connection c = config.isPostgres()
                ? DriverManager.getConnection(config.dbUrl(), config.dbUser(), config.dbPassword())
                : DriverManager.getConnection(config.dbUrl());
                var q = c.prepareStatement("SELECT settings FROM plugin_config WHERE name = ? AND unit_id = ?")) {
            q.setString(1, plugin);
            q.setString(2, unit);
            try (ResultSet rs = q.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static void assertNoSecret(String text) {
        assertThat(text).doesNotContain(QUERY_TOKEN).doesNotContain(HEADER_SECRET).doesNotContain(SMTP_PASSWORD)
                .doesNotContain(PROVINCE_HEADER);
    }
}
