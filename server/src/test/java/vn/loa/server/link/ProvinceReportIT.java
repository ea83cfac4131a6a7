package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.link.ProvinceLinkIT.awaitJson;
import static vn.loa.server.link.ProvinceLinkIT.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.FakeAgent;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TempDirs;
import vn.loa.server.testing.TestServer;
import vn.loa.wire.control.ControlMessage;

/**
 * The province's report by commune (issue 14 item 3, ADR 0060), two Loa processes on loopback: a province (upstream,
 * on PostgreSQL) and a commune (downstream, on H2) whose village has a node agent (a control channel and an RTP
 * receiver). A khẩn cấp bulletin from the province airs at the agent, which reports it played; the commune's
 * statistics and the delivery come up, and the province's report lists the commune with them, as JSON and in the XLSX.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceReportIT {

    private static final String NODE = "loa-thon-1";
    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();

    private ServerProcess province;
    private ServerProcess commune;
    private Api provinceAdmin;
    private Api communeAdmin;
    private FakeAgent agent;
    private RtpCapture speaker;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
    private long bulletin;

    @BeforeAll
    void aBulletinFromTheProvinceAirsAtTheCommunesAgent() throws Exception {
        Map<String, String> fast = Map.of("LOA_LINK_POLL_WAIT", "5", "LOA_LINK_RETRY_MAX", "1",
                "LOA_LINK_DEVICES_EVERY", "1");
        Path provinceData = TempDirs.create("loa-report-province-");
        Path communeData = TempDirs.create("loa-report-commune-");
        province = ServerProcess.start(provinceData, PostgresCluster.shared().newDatabase(), ServerProcess.freePort(),
                with(fast, "LOA_LINK_ID", "tinh"));
        commune = ServerProcess.start(communeData, "", ServerProcess.freePort(), with(fast, "LOA_LINK_ID", "xa-a"));
        provinceAdmin = Api.signIn(province.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
        communeAdmin = Api.signIn(commune.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);

        created(provinceAdmin.post("/api/v1/zones", new JsonObject().put("id", "xa-a").put("name", "Xã A")));
        String key = created(provinceAdmin.post("/api/v1/downstreams", new JsonObject().put("id", "xa-a")
                .put("name", "Đài xã A").put("zone", "xa-a"))).json().getString("key");
        created(communeAdmin.post("/api/v1/zones", new JsonObject().put("id", "thon-1").put("name", "Thôn 1")));
        String token = created(communeAdmin.post("/api/v1/nodes", new JsonObject().put("id", NODE)
                .put("name", "Loa thôn 1").put("zone", "thon-1").put("kind", "agent"))).json().getString("token");
        speaker = new RtpCapture();
        speaker.talkSpurtsInBackground();
        agent = new FakeAgent(commune.baseUrl());
        agent.send(new ControlMessage.Hello(NODE, token, List.of("PCMU"), speaker.port(), "test"));
        assertThat(agent.next(10)).isInstanceOf(ControlMessage.Welcome.class);
        beats.scheduleAtFixedRate(this::beat, 0, 2, TimeUnit.SECONDS);
        Api.Reply linked = communeAdmin.put("/api/v1/upstream", new JsonObject().put("url", province.baseUrl())
                .put("id", "xa-a").put("key", key));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);

        bulletin = created(provinceAdmin.post("/api/v1/announcements", new JsonObject().put("title", "Bão số 5")
                .put("text", "Bão số năm sắp vào, bà con chằng chống nhà cửa, tránh xa bờ biển.")
                .put("priority", "EMERGENCY").put("zones", new JsonArray().add("xa-a")))).json().getLong("id");
        assertThat(provinceAdmin.post("/api/v1/announcements/" + bulletin + "/broadcast", null).status())
                .isLessThan(300);
        String announcement = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            ControlMessage m = agent.next(60);
            if (m instanceof ControlMessage.Play play) {
                announcement = play.announcement();
            } else if (m instanceof ControlMessage.Stop stop && stop.announcement().equals(announcement)) {
                break;
            }
        }
        assertThat(announcement).as("the commune told its agent to play the bulletin").isNotNull();
        assertThat(speaker.received()).as("RTP at the agent's receiver").isGreaterThan(50);
        // As a real agent does: it reports when its audio ended, after the air ended the bulletin.
        synchronized (agent) {
            agent.send(new ControlMessage.Played(announcement, "PLAYED", 3000, null));
        }
    }

    private void beat() {
        synchronized (agent) {
            agent.send(new ControlMessage.Heartbeat("IDLE", 80, speaker.received(), 0, 0));
        }
    }

    private static Map<String, String> with(Map<String, String> fast, String key, String value) {
        var all = new java.util.HashMap<>(fast);
        all.put(key, value);
        return all;
    }

    @AfterAll
    void stop() throws Exception {
        beats.shutdownNow();
        if (agent != null) {
            agent.close();
        }
        if (commune != null) {
            commune.close();
        }
        if (province != null) {
            province.close();
        }
        if (speaker != null) {
            speaker.close();
        }
    }

    @Test
    void theProvincesReportListsTheCommuneWithItsBulletinHoursOnAirAvailabilityAndThePlayedDelivery() throws Exception {
        awaitJson(() -> provinceAdmin.get("/api/v1/announcements/" + bulletin).json(),
                a -> ProvinceLinkIT.delivery(a, "xa-a/" + NODE).map(d -> d.getString("state").equals("PLAYED"))
                        .orElse(false), Duration.ofSeconds(30));
        JsonObject row = awaitJson(() -> xaA(provinceAdmin.get("/api/v1/reports/province?from=" + TODAY + "&to="
                        + TODAY).json()),
                c -> c.getLong("aired") >= 1 && c.getLong("played") >= 1, Duration.ofSeconds(30));
        assertThat(row.getString("name")).isEqualTo("Đài xã A");
        assertThat(row.getLong("days")).isEqualTo(1);
        assertThat(row.getDouble("hoursOnAir")).isGreaterThan(0.0);
        JsonObject thon = row.getJsonArray("zones").stream().map(JsonObject.class::cast)
                .filter(z -> z.getString("zone").equals("thon-1")).findFirst().orElseThrow();
        assertThat(thon.getString("name")).isEqualTo("Thôn 1");
        assertThat(thon.getDouble("hours")).isGreaterThan(0.0);
        assertThat(row.getLong("agents")).isEqualTo(1);
        assertThat(row.getDouble("availabilityPercent")).isGreaterThan(50.0);
        assertThat(row.getLong("undelivered")).isZero();

        Api.Reply xlsx = provinceAdmin.get("/api/v1/reports/province?from=" + TODAY + "&to=" + TODAY
                + "&format=xlsx");
        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("bao-cao-theo-xa-");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.bytes()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Bản tin đã phát");
            Row commune = sheet.getRow(1);
            assertThat(commune.getCell(0).getStringCellValue()).isEqualTo("xa-a");
            assertThat(commune.getCell(3).getNumericCellValue()).isGreaterThanOrEqualTo(1);
            assertThat(commune.getCell(6).getNumericCellValue()).isGreaterThan(0);
            assertThat(commune.getCell(7).getStringCellValue()).contains("Thôn 1: ");
            assertThat(commune.getCell(10).getNumericCellValue()).isGreaterThan(50);
            assertThat(commune.getCell(11).getNumericCellValue()).isGreaterThanOrEqualTo(1);
        }
        Api.Reply csv = provinceAdmin.get("/api/v1/reports/province?format=csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body()).contains("Đài xã A");
    }

    @Test
    void aBadRangeOrFormatIsRefusedWith400() {
        assertThat(provinceAdmin.get("/api/v1/reports/province?from=2026-12-07&to=2026-12-01").status())
                .isEqualTo(400);
        assertThat(provinceAdmin.get("/api/v1/reports/province?from=2024-01-01&to=2026-12-01").status())
                .isEqualTo(400);
        assertThat(provinceAdmin.get("/api/v1/reports/province?from=yesterday").status()).isEqualTo(400);
        assertThat(provinceAdmin.get("/api/v1/reports/province?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void aBoardsPlayerConnectingAtTheCommuneShowsOnlineInTheSnapshotAtTheProvince() {
        String key = created(communeAdmin.post("/api/v1/boards", new JsonObject().put("id", "bang-cho")
                .put("name", "Bảng tin chợ").put("zone", "thon-1").put("kind", "LCD").put("width", 1366)
                .put("height", 768))).json().getString("playerKey");
        JsonObject offline = awaitJson(() -> board(), b -> true, Duration.ofSeconds(30));
        assertThat(offline.getBoolean("online")).isFalse();
        java.net.http.WebSocket player = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create(commune.baseUrl().replace("http://", "ws://")
                        + "/player/bang-cho/socket?key=" + key), new java.net.http.WebSocket.Listener() { }).join();
        try {
            JsonObject online = awaitJson(() -> board(), b -> b.getBoolean("online"), Duration.ofSeconds(30));
            assertThat(java.time.Instant.parse(online.getString("onlineSince"))).isBefore(java.time.Instant.now());
        } finally {
            player.abort();
        }
    }

    /** The commune's board bang-cho as the province's copy of its snapshot has it, or null. */
    private JsonObject board() {
        Api.Reply devices = provinceAdmin.get("/api/v1/downstreams/xa-a/devices");
        return devices.status() != 200 ? null : devices.json().getJsonArray("boards").stream()
                .map(JsonObject.class::cast).filter(b -> b.getString("id").equals("bang-cho")).findFirst().orElse(null);
    }

    private static JsonObject xaA(JsonObject report) {
        return report.getJsonArray("communes").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("commune").equals("xa-a")).findFirst().orElse(null);
    }
}
