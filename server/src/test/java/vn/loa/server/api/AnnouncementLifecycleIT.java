package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;
import static vn.loa.server.api.Province.notice;

import io.vertx.core.json.JsonObject;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** The announcement lifecycle as clerks and approvers walk it, with every transition stored and audited. */
class AnnouncementLifecycleIT extends ApiSuite {

    private long compose(String title) {
        return created(province.clerkA.post("/api/v1/announcements", notice(title, "thon-a1"))).json().getLong("id");
    }

    @Test
    void noticeGoesFromDraftThroughApprovalToTheAir() throws InterruptedException {
        long id = compose("Họp dân thôn Đông");
        String path = "/api/v1/announcements/" + id;

        assertThat(province.clerkA.post(path + "/submit", null).json().getString("state")).isEqualTo("SUBMITTED");
        assertThat(province.approverA.post(path + "/approve", null).json().getString("state")).isEqualTo("APPROVED");
        assertThat(province.clerkA.post(path + "/broadcast", null).json().getString("state")).isEqualTo("SCHEDULED");

        // Thôn Đông has no loudspeaker in this test, so the air refuses it; OnAirIT airs to real ones.
        JsonObject stored = OnAirIT.waitForState(province.clerkA, id, "FAILED");
        assertThat(stored.getJsonArray("transitions").stream().map(t -> ((JsonObject) t).getString("to")).toList())
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "SCHEDULED", "FAILED");
        assertThat(((JsonObject) stored.getJsonArray("transitions").getValue(2)).getString("actor")).isEqualTo("approver-a");
        var actions = province.admin.get("/api/v1/audit?target=announcement:" + id).array().stream()
                .map(a -> ((JsonObject) a).getString("action")).toList();
        assertThat(actions).containsExactly("announcement.broadcast", "announcement.approve", "announcement.submit",
                "announcement.create");
    }

    @Test
    void clerkCannotApproveTheirOwnNotice() {
        long id = compose("Tự phê duyệt");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);

        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/approve", null), 403, "forbidden");
        assertThat(province.clerkA.get("/api/v1/announcements/" + id).json().getString("state")).isEqualTo("SUBMITTED");
    }

    @Test
    void draftCannotBeBroadcastBeforeApproval() {
        long id = compose("Chưa duyệt");

        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/broadcast", null), 409, "invalid_state");
    }

    @Test
    void rejectedNoticeReturnsToItsAuthorWithTheReason() {
        long id = compose("Sai chính tả");
        province.clerkA.post("/api/v1/announcements/" + id + "/submit", null);

        var rejected = province.approverA.post("/api/v1/announcements/" + id + "/reject",
                new JsonObject().put("reason", "Sửa lại giờ họp"));

        assertThat(rejected.json().getString("state")).isEqualTo("DRAFT");
        var last = province.clerkA.get("/api/v1/announcements/" + id).json().getJsonArray("transitions").getJsonObject(2);
        assertThat(last.getString("reason")).isEqualTo("Sửa lại giờ họp");
    }

    @Test
    void cancelledNoticeCannotBeCancelledTwice() {
        long id = compose("Hủy");
        assertThat(province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null).json().getString("state"))
                .isEqualTo("CANCELLED");

        assertRefused(province.clerkA.post("/api/v1/announcements/" + id + "/cancel", null), 409, "invalid_state");
    }

    @Test
    void emergencySkipsApprovalButOnlyALeaderMayRaiseIt() {
        JsonObject alert = notice("Lũ quét", "xa-a").put("priority", "EMERGENCY");

        assertRefused(province.clerkA.post("/api/v1/announcements", alert), 403, "forbidden");
        var raised = created(province.approverA.post("/api/v1/announcements", alert)).json();
        assertThat(raised.getString("state")).isEqualTo("APPROVED");
        assertThat(province.approverA.post("/api/v1/announcements/" + raised.getLong("id") + "/broadcast", null)
                .json().getString("state")).isEqualTo("SCHEDULED");
    }

    @Test
    void textIsStoredComposedAndRichTextIsSanitised() {
        String decomposed = Normalizer.normalize("Thông báo lịch họp", Normalizer.Form.NFD);
        JsonObject body = notice(decomposed, "thon-a1")
                .put("text", "<p>Mời <b>bà con</b> họp</p><script>alert(1)</script><img src=x onerror=alert(1)>");

        JsonObject stored = created(province.clerkA.post("/api/v1/announcements", body)).json();

        assertThat(stored.getString("title")).isEqualTo("Thông báo lịch họp")
                .isEqualTo(Normalizer.normalize(decomposed, Normalizer.Form.NFC));
        assertThat(stored.getString("text")).isEqualTo("<p>Mời <b>bà con</b> họp</p>");
    }

    @Test
    void listIsNewestFirstAndFiltersByState() {
        long first = compose("Một");
        long second = compose("Hai");
        province.clerkA.post("/api/v1/announcements/" + second + "/submit", null);

        var submitted = province.clerkA.get("/api/v1/announcements?state=SUBMITTED&limit=500").array().stream()
                .map(a -> ((JsonObject) a).getLong("id")).toList();
        var all = province.clerkA.get("/api/v1/announcements?limit=2").array().stream()
                .map(a -> ((JsonObject) a).getLong("id")).toList();

        assertThat(submitted).contains(second).doesNotContain(first);
        assertThat(all).containsExactly(second, first);
    }

    @Test
    void scheduleIsKeptAsTheInstantTheClerkMeant() {
        JsonObject body = notice("Phát sáng mai", "thon-a1")
                .put("schedule", new JsonObject().put("at", "2026-11-29T06:30:00+07:00"));

        JsonObject stored = created(province.clerkA.post("/api/v1/announcements", body)).json();

        assertThat(stored.getJsonObject("schedule").getString("at")).isEqualTo("2026-11-28T23:30:00Z");
    }
}
