package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static vn.loa.server.api.ScheduleIT.grid;
import static vn.loa.server.api.ScheduleIT.itemsOf;
import static vn.loa.server.api.ScheduleIT.scheduledNotice;
import static vn.loa.server.api.ScheduleIT.vietnamTime;
import static vn.loa.server.api.ScheduleIT.villageWithSpeaker;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.wire.rtp.RtpPacket;
import vn.loa.server.testing.Api;
import vn.loa.server.testing.RtpCapture;

/** The programme grid's drag: a one-off item that has not aired is moved to a new time, or refused with the reason. */
class RescheduleIT extends ApiSuite {

    private static Api.Reply reschedule(Api api, long id, Instant at) {
        return api.post("/api/v1/announcements/" + id + "/reschedule", new JsonObject().put("at", vietnamTime(at)));
    }

    @Test
    void aWaitingNoticeMovedEarlierShowsInTheGridAtItsNewTimeAndAirsThenWithTheMoveAudited() throws Exception {
        try (RtpCapture speaker = new RtpCapture()) {
            String zone = villageWithSpeaker(speaker);
            Instant planned = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
            long id = scheduledNotice("Dời lên sớm", zone, new JsonObject().put("at", vietnamTime(planned)));
            Instant moved = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);

            Api.Reply reply = reschedule(province.clerkA, id, moved);

            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            assertThat(reply.json().getString("state")).isEqualTo("SCHEDULED");
            List<JsonObject> items = itemsOf(grid(province.clerkA, "zone=" + zone), id);
            assertThat(items).singleElement().satisfies(i ->
                    assertThat(OffsetDateTime.parse(i.getString("at")).toInstant()).isEqualTo(moved));
            // The programme clock fires it at the new time, not three hours later.
            List<RtpPacket> packets = speaker.receive(1500, 40_000);
            assertThat(packets).hasSizeGreaterThan(25);
            assertThat(Instant.now()).isAfter(moved);
            OnAirIT.waitForState(province.clerkA, id, "DONE");
            var actions = province.admin.get("/api/v1/audit?target=announcement:" + id).array().stream()
                    .map(JsonObject.class::cast).map(e -> e.getString("action")).toList();
            assertThat(actions).contains("announcement.reschedule");
        }
    }

    @Test
    void anApprovedNoticeNotYetBroadcastKeepsItsStateAndTakesTheNewTime() {
        Instant at = Instant.now().plus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        String zone = Province.unique("thon-cho");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Chờ", "xa-a")));
        long id = approved("Chưa phát", zone, new JsonObject().put("at", vietnamTime(at)));
        Instant later = at.plus(1, ChronoUnit.DAYS);

        Api.Reply reply = reschedule(province.approverA, id, later);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("state")).isEqualTo("APPROVED");
        JsonObject stored = province.clerkA.get("/api/v1/announcements/" + id).json();
        assertThat(OffsetDateTime.parse(stored.getJsonObject("schedule").getString("at")).toInstant()).isEqualTo(later);
    }

    @Test
    void aMoveOntoAnotherItemsTimeIsRefusedNamingThatItem() {
        String zone = Province.unique("thon-trung");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Trùng", "xa-a")));
        Instant first = Instant.now().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long other = scheduledNotice("Họp thôn", zone, new JsonObject().put("at", vietnamTime(first)));
        long id = scheduledNotice("Tiêm phòng", zone, new JsonObject().put("at", vietnamTime(first.plusSeconds(3600))));

        Api.Reply refused = reschedule(province.clerkA, id, first.plusSeconds(30));

        assertRefused(refused, 409, "schedule_conflict");
        assertThat(refused.json().getString("message")).contains("#" + other).contains("Họp thôn");
        List<JsonObject> items = itemsOf(grid(province.clerkA, "zone=" + zone), id);
        assertThat(items).singleElement().satisfies(i -> assertThat(OffsetDateTime.parse(i.getString("at"))
                .toInstant()).isEqualTo(first.plusSeconds(3600)));
    }

    @Test
    void aPastTimeARepeatingItemAnotherUnitAndADraftAreRefused() {
        String zone = Province.unique("thon-tu-choi");
        created(province.admin.post("/api/v1/zones", Province.zone(zone, "Thôn Từ Chối", "xa-a")));
        Instant at = Instant.now().plus(6, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        long id = scheduledNotice("Ngoài giờ", zone, new JsonObject().put("at", vietnamTime(at)));
        assertRefused(reschedule(province.clerkA, id, Instant.now().minusSeconds(60)), 400, "past_time");
        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/reschedule",
                new JsonObject().put("at", "ngày mai")), 400, "invalid_schedule");
        assertThat(reschedule(province.clerkB, id, at.plusSeconds(600)).status()).isIn(403, 404);

        long weekly = scheduledNotice("Hằng tuần", zone, new JsonObject().put("cron", "0 0 6 ? * MON"));
        assertRefused(reschedule(province.clerkA, weekly, at.plusSeconds(900)), 400, "recurring");

        long draft = created(province.clerkA.post("/api/v1/announcements", new JsonObject().put("title", "Nháp")
                .put("text", "Xin chào.").put("zones", new JsonArray().add(zone))
                .put("schedule", new JsonObject().put("at", vietnamTime(at.plusSeconds(1800)))))).json().getLong("id");
        assertRefused(reschedule(province.clerkA, draft, at.plusSeconds(2400)), 409, "invalid_state");
    }

    private static long approved(String title, String zone, JsonObject schedule) {
        JsonObject body = new JsonObject().put("title", title).put("text", "Xin chào bà con.").put("chime", false)
                .put("zones", new JsonArray().add(zone));
        if (schedule != null) {
            body.put("schedule", schedule);
        }
        long id = created(province.clerkA.post("/api/v1/announcements", body)).json().getLong("id");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        return id;
    }
}
