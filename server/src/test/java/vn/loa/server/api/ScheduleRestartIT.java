package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.PostgresCluster;
import vn.loa.server.testing.RtpCapture;
import vn.loa.server.testing.RunsWhenQuiet;
import vn.loa.server.testing.ServerProcess;
import vn.loa.server.testing.TestServer;

/**
 * Schedules live in the database, not in the process: a server killed with SIGKILL and started again still has every
 * schedule, fires each at its time, and never fires an airing a second time. Each test starts its own server, data
 * folder and database and mostly waits on the wall clock, so the three run side by side (beside other
 * {@code @RunsWhenQuiet} classes only).
 */
@RunsWhenQuiet("schedules items 3 to 50 s ahead of the wall clock and kills the server before they fire; a busy machine misses them")
class ScheduleRestartIT {

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void schedulesSurviveAKilledServerOnH2AndEachAiringFiresOnce() throws Exception {
        survivesAKill("");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void schedulesSurviveAKilledServerOnPostgresqlAndEachAiringFiresOnce() throws Exception {
        survivesAKill(PostgresCluster.shared().newDatabase());
    }

    /** The repeating item airs every 10 s, under the default minimum interval. */
    private static final Map<String, String> TEN_SECONDS = Map.of("LOA_SCHEDULE_MIN_INTERVAL", "10");

    private static void survivesAKill(String dbUrl) throws Exception {
        Path data = Files.createTempDirectory("loa-restart-");
        int port = ServerProcess.freePort();
        try (RtpCapture early = new RtpCapture(); RtpCapture once = new RtpCapture(); RtpCapture daily = new RtpCapture()) {
            long firedBeforeKill;
            long oneOff;
            long repeating;
            Instant t0 = Instant.now();
            try (ServerProcess first = ServerProcess.start(data, dbUrl, port, TEN_SECONDS)) {
                Api admin = Api.signIn(first.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                firedBeforeKill = scheduled(admin, village(admin, "thon-som", early), new JsonObject()
                        .put("at", vn(Instant.now().plusSeconds(3))));
                t0 = Instant.now();
                oneOff = scheduled(admin, village(admin, "thon-mot-lan", once), new JsonObject()
                        .put("at", vn(t0.plusSeconds(30))));
                repeating = scheduled(admin, village(admin, "thon-lap", daily), new JsonObject()
                        .put("at", vn(t0.plusSeconds(30))).put("cron", "0/10 * * * * ?")
                        .put("until", vn(t0.plusSeconds(50))));
                assertThat(early.receive(1500, 20_000)).as("the early notice aired before the kill").isNotEmpty();
                OnAirIT.waitForState(admin, firedBeforeKill, "DONE");
                first.kill();
            }

            try (ServerProcess second = ServerProcess.start(data, dbUrl, port, TEN_SECONDS)) {
                Api admin = Api.signIn(second.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                // From before the kill: on a slow start an airing may already have fired when the grid is read, so
                // the repeats expected are those planned plus those fired since the restart.
                JsonArray grid = admin.get("/api/v1/schedule?from=" + java.net.URLEncoder.encode(
                        vn(t0.minusSeconds(60)), java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items");
                long plannedOnce = count(grid, oneOff, "PLANNED") + count(grid, oneOff, "FIRED");
                long plannedRepeats = count(grid, repeating, "PLANNED") + count(grid, repeating, "FIRED");
                assertThat(plannedOnce).as("the one-off item is still planned").isEqualTo(1);
                assertThat(plannedRepeats).as("the repeating item is still planned").isBetween(2L, 3L);

                assertThat(once.receive(1500, 60_000)).as("the one-off item aired").isNotEmpty();
                for (int airing = 1; airing <= plannedRepeats; airing++) {
                    assertThat(daily.receive(4000, 20_000)).as("airing %d of the repeating item", airing).isNotEmpty();
                }

                assertThat(onAirCount(OnAirIT.waitForState(admin, oneOff, "DONE"))).isEqualTo(1);
                JsonObject repeated = OnAirIT.waitForState(admin, repeating, "DONE");
                assertThat(onAirCount(repeated)).as("airings of %s; grid %s", repeated.getJsonArray("transitions"),
                        grid).isEqualTo(plannedRepeats);
                assertThat(onAirCount(admin.get("/api/v1/announcements/" + firedBeforeKill).json()))
                        .as("the item that aired before the kill did not air again").isEqualTo(1);
                assertThat(early.receive(100, 200)).as("nothing more reached the early village").isEmpty();
                JsonArray history = admin.get("/api/v1/schedule?from=" + java.net.URLEncoder.encode(
                        vn(t0.minusSeconds(60)), java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items");
                assertThat(count(history, repeating, "FIRED")).isEqualTo(plannedRepeats);
                assertThat(count(history, firedBeforeKill, "FIRED")).isEqualTo(1);
            }
        }
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void afterLongDowntimeStaleItemsAreSkippedAndReportedWhileRecentOnesPlayLate() throws Exception {
        Path data = Files.createTempDirectory("loa-restart-");
        int port = ServerProcess.freePort();
        Map<String, String> lateLimit = Map.of("LOA_SCHEDULE_LATE_LIMIT", "15");
        try (RtpCapture stale = new RtpCapture(); RtpCapture recent = new RtpCapture()) {
            long staleItem;
            long recentItem;
            Instant t0;
            try (ServerProcess first = ServerProcess.start(data, "", port, lateLimit)) {
                Api admin = Api.signIn(first.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);
                String staleZone = village(admin, "thon-cu", stale);
                String recentZone = village(admin, "thon-moi", recent);
                t0 = Instant.now();
                staleItem = scheduled(admin, staleZone, new JsonObject().put("at", vn(t0.plusSeconds(3))));
                recentItem = scheduled(admin, recentZone, new JsonObject().put("at", vn(t0.plusSeconds(20))));
                first.kill();
            }
            // Deliberately down past both times: when the server is back (about 5 s after this) the first is over 20 s
            // late, past the 15 s limit, and the second a few seconds late.
            Thread.sleep(Math.max(0, java.time.Duration.between(Instant.now(), t0.plusSeconds(21)).toMillis()));

            try (ServerProcess second = ServerProcess.start(data, "", port, lateLimit)) {
                Api admin = Api.signIn(second.baseUrl(), "admin", TestServer.ADMIN_PASSWORD);

                assertThat(recent.receive(1500, 30_000)).as("the recent item plays late").isNotEmpty();
                OnAirIT.waitForState(admin, recentItem, "DONE");
                JsonObject skipped = OnAirIT.waitForState(admin, staleItem, "FAILED");
                JsonArray transitions = skipped.getJsonArray("transitions");
                assertThat(transitions.getJsonObject(transitions.size() - 1).getString("reason")).contains("bỏ lỡ");
                // RTCP sender reports may reach the village; no audio (payload type 0, PCMU) may.
                assertThat(stale.receive(100, 300)).as("the stale item never aired")
                        .noneMatch(p -> p.payloadType() == 0);

                JsonArray history = admin.get("/api/v1/schedule?from=" + java.net.URLEncoder.encode(
                        vn(t0.minusSeconds(60)), java.nio.charset.StandardCharsets.UTF_8)).json().getJsonArray("items");
                JsonObject late = history.stream().map(JsonObject.class::cast)
                        .filter(i -> i.getLong("announcementId") == recentItem).findFirst().orElseThrow();
                assertThat(late.getString("outcome")).isEqualTo("FIRED");
                assertThat(late.getLong("latenessMs")).as("lateness recorded").isBetween(1_000L, 15_000L);
                assertThat(count(history, staleItem, "MISSED")).isEqualTo(1);
            }
        }
    }

    static String vn(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(7)).toString();
    }

    static String village(Api admin, String id, RtpCapture speaker) {
        String zone = Province.unique(id);
        Province.created(admin.post("/api/v1/zones", Province.zone(zone, "Thôn " + id, null)));
        Province.created(admin.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa")).put("name", "Loa")
                .put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
        return zone;
    }

    static long scheduled(Api admin, String zone, JsonObject schedule) {
        long id = Province.created(admin.post("/api/v1/announcements", new JsonObject().put("title", "Lịch " + zone)
                .put("text", "Xin chào bà con.").put("chime", false).put("zones", new JsonArray().add(zone))
                .put("schedule", schedule))).json().getLong("id");
        admin.post("/api/v1/announcements/" + id + "/approve", null);
        assertThat(admin.post("/api/v1/announcements/" + id + "/broadcast", null).json().getString("state"))
                .isEqualTo("SCHEDULED");
        return id;
    }

    private static long count(JsonArray items, long id, String outcome) {
        return items.stream().map(JsonObject.class::cast)
                .filter(i -> i.getLong("announcementId") == id && i.getString("outcome").equals(outcome)).count();
    }

    private static long onAirCount(JsonObject announcement) {
        return announcement.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                .filter(t -> t.getString("to").equals("ON_AIR")).count();
    }
}
