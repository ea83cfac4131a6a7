package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/** Announcements on a schedule: they wait on the programme clock (Quartz, in Loa's database) and air at their times. */
class ScheduleIT extends ApiSuite {

    static String vietnamTime(Instant t) {
        return t.atOffset(ZoneOffset.ofHours(7)).toString();
    }

    /** An approved notice with this schedule, broadcast: it now waits in SCHEDULED. */
    static long scheduledNotice(String title, String zone, JsonObject schedule) {
        JsonObject body = new JsonObject().put("title", title).put("text", "Xin chào bà con.").put("chime", false)
                .put("zones", new JsonArray().add(zone)).put("schedule", schedule);
        long id = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        Api.Reply broadcast = province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null);
        assertThat(broadcast.json().getString("state")).as(broadcast.toString()).isEqualTo("SCHEDULED");
        return id;
    }

    static String villageWithSpeaker(RtpCapture speaker) {
        String zone = Province.unique("thon-lich");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Lịch", "xa-a")));
        created(province.technicianA.post("/api/v1/nodes", new JsonObject().put("id", Province.unique("loa"))
                .put("name", "Loa").put("zone", zone).put("kind", "rtp").put("address", "127.0.0.1:" + speaker.port())));
        return zone;
    }

    static JsonArray grid(Api api, String query) {
        Api.Reply reply = api.get("/api/v1/schedule?" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("items");
    }

    static List<JsonObject> itemsOf(JsonArray items, long id) {
        return items.stream().map(JsonObject.class::cast).filter(i -> i.getLong("announcementId") == id).toList();
    }

    private static String encoded(Instant t) {
        return java.net.URLEncoder.encode(vietnamTime(t), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void noticeForALaterTimeWaitsInTheGridThenAirsAtThatTime() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = villageWithSpeaker(speaker);
            Instant at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            long id = scheduledNotice("Hẹn giờ", zone, new JsonObject().put("at", vietnamTime(at)));

            List<JsonObject> planned = itemsOf(grid(province.clerkA, "zone=" + zone), id);
            assertThat(planned).singleElement().satisfies(i -> {
                assertThat(i.getString("outcome")).isEqualTo("PLANNED");
                assertThat(OffsetDateTime.parse(i.getString("at")).toInstant()).isEqualTo(at);
                assertThat(i.getString("at")).endsWith("+07:00");
            });

            List<RtpPacket> packets = speaker.receive(1500, 40_000);
            Instant heard = Instant.now();

            assertThat(packets).hasSizeGreaterThan(25);
            assertThat(heard).isAfter(at);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            List<JsonObject> fired = itemsOf(grid(province.clerkA, "from=" + encoded(at.minusSeconds(60))), id);
            assertThat(fired).singleElement().satisfies(i -> {
                assertThat(i.getString("outcome")).isEqualTo("FIRED");
                assertThat(i.getLong("latenessMs")).isGreaterThanOrEqualTo(0);
            });
        }
    }

    @Test
    void repeatingNoticeAirsAtEachTimeOfItsRuleThenEnds() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = villageWithSpeaker(speaker);
            // Five seconds ahead: a slow creation on a busy machine must not put the first airing in the past (it would
            // then play late, an airing more than the grid planned).
            Instant start = Instant.now().plusSeconds(5);
            Instant until = start.plusSeconds(24);
            long id = scheduledNotice("Lặp lại", zone, new JsonObject().put("at", vietnamTime(start))
                    .put("cron", "0/10 * * * * ?").put("until", vietnamTime(until)));
            // From before the start: an airing that already fired while the grid was being read still counts.
            int expected = (int) itemsOf(grid(province.clerkA, "zone=" + zone + "&from="
                    + encoded(start.minusSeconds(60))), id).size();
            assertThat(expected).isBetween(2, 3);

            // Airings are 10 s apart and last about 2 s: 6 s of silence separates them, and a busy machine's pause of a
            // few seconds inside one (seen once on a full suite run) does not split it in two.
            for (int airing = 1; airing <= expected; airing++) {
                assertThat(speaker.receive(6000, 25_000)).as("airing %d", airing).hasSizeGreaterThan(25);
            }

            JsonObject done = OnAirIT.waitForState(province.clerkA, id, "DONE");
            assertThat(done.getJsonArray("transitions").stream().map(JsonObject.class::cast)
                    .filter(t -> t.getString("to").equals("ON_AIR")).count()).isEqualTo(expected);
            assertThat(itemsOf(grid(province.clerkA, "from=" + encoded(start.minusSeconds(60))), id))
                    .hasSize(expected).allSatisfy(i -> assertThat(i.getString("outcome")).isEqualTo("FIRED"));
        }
    }

    @Test
    void dailyItemFillsTheWeekOfTheGridAtItsVietnameseHour() {
        String zone = Province.unique("thon-tuan");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Tuần", "xa-a")));
        long id = scheduledNotice("Bản tin sáng", zone, new JsonObject().put("cron", "0 30 6 * * ?"));
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS);

        List<JsonObject> week = itemsOf(grid(province.clerkA, "from=" + encoded(from) + "&to="
                + encoded(from.plus(7, ChronoUnit.DAYS)) + "&zone=" + zone), id);

        assertThat(week).hasSize(7).allSatisfy(i -> {
            assertThat(i.getString("at")).contains("T06:30:00+07:00");
            assertThat(i.getBoolean("repeating")).isTrue();
        });
        assertThat(itemsOf(grid(province.clerkA, "zone=thon-a1"), id)).as("another village's grid").isEmpty();
        province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null);
        assertThat(itemsOf(grid(province.clerkA, "zone=" + zone), id)).as("cancelled").isEmpty();
    }

    @Test
    void secondItemInTheSameZoneAtTheSameTimeIsRefusedNamingTheFirstUnlessTheClerkChooses() {
        String commune = Province.unique("xa-trung");
        created(province.admin.post("/api/v1/zones", Province.zone(commune, "Xã Trùng", "xa-a")));
        String village = Province.unique("thon-trung");
        created(province.admin.post("/api/v1/zones", Province.zone(village, "Thôn Trùng", commune)));
        Instant at = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long first = scheduledNotice("Bản tin trưa", commune, new JsonObject().put("at", vietnamTime(at)));
        JsonObject second = Province.notice("Thông báo thôn", village)
                .put("schedule", new JsonObject().put("at", vietnamTime(at.plusSeconds(30))));

        Api.Reply refused = province.clerkA.post("/api/v1/announcements", second);
        assertRefused(refused, 409, "schedule_conflict");
        assertThat(refused.json().getString("message")).contains("#" + first).contains("Bản tin trưa");

        JsonObject byPriority = created(province.clerkA.post("/api/v1/announcements", second.copy().put("schedule",
                second.getJsonObject("schedule").copy().put("onConflict", "priority")))).json();
        assertThat(OffsetDateTime.parse(byPriority.getJsonObject("schedule").getString("at")).toInstant())
                .isEqualTo(at.plusSeconds(30));
        JsonObject shifted = created(province.clerkA.post("/api/v1/announcements", second.copy().put("schedule",
                second.getJsonObject("schedule").copy().put("onConflict", "shift")))).json();
        assertThat(OffsetDateTime.parse(shifted.getJsonObject("schedule").getString("at")).toInstant())
                .as("moved to just after the first item's two minutes").isEqualTo(at.plus(2, ChronoUnit.MINUTES));
        long later = created(province.clerkA.post("/api/v1/announcements", second.copy().put("schedule",
                new JsonObject().put("at", vietnamTime(at.plus(1, ChronoUnit.HOURS)))))).json().getLong("id");
        assertRefused(province.clerkA.put("/api/v1/announcements/" + later, second), 409, "schedule_conflict");
        province.clerkA.post("/api/v1/announcements/" + first + "/cancel", null);
    }

    @Test
    void badCronRuleAndBadWindowAreRefusedWithTheReason() {
        JsonObject body = Province.notice("Sai lịch", "thon-a1").put("schedule", new JsonObject().put("cron", "mỗi sáng"));
        assertRefused(province.clerkA.post("/api/v1/announcements", body), 400, "invalid_schedule");
        assertRefused(province.clerkA.get("/api/v1/schedule?from=2026-12-01T00:00:00%2B07:00&to=2027-03-01T00:00:00%2B07:00"),
                400, "invalid_window");
        assertRefused(province.clerkA.get("/api/v1/schedule?from=hom-nay"), 400, "invalid_window");
        assertRefused(province.clerkB.get("/api/v1/schedule?zone=thon-a1"), 400, "unknown_zone");
    }
}
