package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.Api;

/**
 * The four-eyes rule as a unit policy (issue 22, ADR 0024): on by default for EMERGENCY notices, an approver may not
 * approve their own and a clerk may not cancel one a leader wrote or approved; routine notices keep working as before,
 * and a unit may extend the rule to every notice.
 */
class FourEyesIT extends ApiSuite {

    private static long id(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getLong("id");
    }

    private static String state(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("state");
    }

    /** An EMERGENCY waiting for approval: written as a draft, raised to EMERGENCY, sent for approval. */
    private static long submittedEmergency(Api author) {
        long id = id(author.post("/api/v1/announcements", Province.notice("Bão số 3 — nháp", "thon-a1")));
        assertThat(author.put("/api/v1/announcements/" + id, Province.notice("Bão số 3", "thon-a1")
                .put("priority", "EMERGENCY")).status()).isEqualTo(200);
        assertThat(state(author.post("/api/v1/announcements/" + id + "/submit", null))).isEqualTo("SUBMITTED");
        return id;
    }

    @Test
    void anApproverCannotApproveTheirOwnEmergencyButAnotherLeaderCan() {
        long id = submittedEmergency(province.approverA);

        Api.Reply own = province.approverA.post("/api/v1/announcements/" + id + "/approve", null);
        assertRefused(own, 403, "four_eyes");
        assertThat(own.json().getString("message")).contains("tự phê duyệt");
        assertThat(state(province.approverA.get("/api/v1/announcements/" + id))).isEqualTo("SUBMITTED");

        assertThat(state(province.adminA.post("/api/v1/announcements/" + id + "/approve", null))).isEqualTo("APPROVED");
    }

    @Test
    void anApproverStillApprovesTheirOwnRoutineNoticeByDefault() {
        long id = id(province.approverA.post("/api/v1/announcements", Province.notice("Họp tổ dân phố", "thon-a1")));
        province.approverA.post("/api/v1/announcements/" + id + "/submit", null);
        assertThat(state(province.approverA.post("/api/v1/announcements/" + id + "/approve", null))).isEqualTo("APPROVED");
    }

    @Test
    void aClerkCannotCancelALeadersScheduledEmergencyButALeaderCan() {
        JsonObject emergency = Province.notice("Xả lũ hồ Phú Ninh lúc 18 giờ", "thon-a1").put("priority", "EMERGENCY")
                .put("schedule", new JsonObject().put("at", Instant.now().plus(2, ChronoUnit.HOURS).toString()));
        long id = id(province.approverA.post("/api/v1/announcements", emergency));
        assertThat(state(province.approverA.post("/api/v1/announcements/" + id + "/broadcast", null)))
                .isEqualTo("SCHEDULED");

        Api.Reply byClerk = province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null);
        assertRefused(byClerk, 403, "four_eyes");
        assertThat(byClerk.json().getString("message")).contains("chỉ lãnh đạo");
        assertThat(state(province.clerkA.get("/api/v1/announcements/" + id))).isEqualTo("SCHEDULED");

        assertThat(state(province.adminA.post("/api/v1/announcements/" + id + "/cancel", null))).isEqualTo("CANCELLED");
    }

    @Test
    void aClerkStillCancelsARoutineNoticeALeaderApproved() {
        long id = id(province.clerkA.post("/api/v1/announcements", Province.notice("Tiêm phòng dại", "thon-a1")));
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);
        assertThat(state(province.approverA.post("/api/v1/announcements/" + id + "/approve", null))).isEqualTo("APPROVED");
        assertThat(state(province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null))).isEqualTo("CANCELLED");
    }

    @Test
    void aUnitMayExtendTheRuleToEveryNoticeOrTurnItOff() {
        String unit = Province.unique("xa-d");
        Province.created(province.admin.post("/api/v1/zones", Province.zone(unit, "Xã Điện Bàn", null)));
        Api approver = province.user(Province.unique("chu-tich-d"), "approver", unit);
        Api clerk = province.user(Province.unique("van-thu-d"), "clerk", unit);
        JsonObject policy = new JsonObject().put("totpRequired", false).put("fourEyes", "all");
        assertThat(province.admin.put("/api/v1/zones/" + unit + "/policy", policy).status()).isEqualTo(200);

        long routine = id(approver.post("/api/v1/announcements", Province.notice("Họp dân", unit)));
        assertRefused(approver.post("/api/v1/announcements/" + routine + "/approve", null), 403, "four_eyes");

        long leaders = id(clerk.post("/api/v1/announcements", Province.notice("Thu gom rác", unit)));
        clerk.post("/api/v1/announcements/" + leaders + "/submit", null);
        assertThat(state(approver.post("/api/v1/announcements/" + leaders + "/approve", null))).isEqualTo("APPROVED");
        assertRefused(clerk.post("/api/v1/announcements/" + leaders + "/cancel", null), 403, "four_eyes");

        assertThat(province.admin.put("/api/v1/zones/" + unit + "/policy", policy.put("fourEyes", "off")).status())
                .isEqualTo(200);
        assertThat(state(clerk.post("/api/v1/announcements/" + leaders + "/cancel", null))).isEqualTo("CANCELLED");
        assertThat(province.admin.get("/api/v1/audit?action=policy.change&target=zone:" + unit).array()).hasSize(2);
    }
}
