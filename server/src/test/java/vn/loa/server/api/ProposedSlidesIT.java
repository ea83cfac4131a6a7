package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Content a plugin asks to show on boards: proposed as a slide by the plugin's own user, listed to its unit, put on
 * the boards an approver picks (or turned down with a reason). Uses the test plugin {@code echo}.
 */
class ProposedSlidesIT extends ApiSuite {

    static List<JsonObject> proposed(vn.loa.server.testing.Api api, String title) {
        return api.get("/api/v1/boards/slides/proposed").array().stream().map(JsonObject.class::cast)
                .filter(s -> s.getString("title").equals(title)).toList();
    }

    String board(String zone) {
        String id = Province.unique("bang");
        created(province.admin.post("/api/v1/boards", new JsonObject().put("id", id).put("name", "Bảng tin " + id)
                .put("zone", zone).put("kind", "LCD").put("width", 640).put("height", 360)));
        return id;
    }

    JsonObject proposeSlide(String title) throws Exception {
        JsonObject item = PluginsIT.item("s-" + title, title, "thon-a1").put("target", "SLIDE");
        province.adminA.put("/api/v1/plugins/echo", new JsonObject().put("enabled", true)
                .put("settings", new JsonObject().put("items", new JsonArray().add(item))));
        PluginsIT.waitFor(() -> proposed(province.approverA, title).size() == 1);
        return proposed(province.approverA, title).get(0);
    }

    @Test
    void aSlideThePluginProposesGoesOnTheBoardsTheApproverPicks() throws Exception {
        String title = Province.unique("Lịch tiêm phòng");
        String board = board("thon-a1");
        JsonObject slide = proposeSlide(title);
        assertThat(slide.getString("state")).isEqualTo("PROPOSED");
        assertThat(slide.getString("plugin")).isEqualTo("echo");
        assertThat(slide.getString("body")).isEqualTo("Kính mời bà con dự họp tại nhà văn hóa thôn.");
        assertThat(proposed(province.clerkA, title)).as("the unit sees it").hasSize(1);
        assertThat(proposed(province.clerkB, title)).as("another commune does not").isEmpty();
        assertThat(PluginsIT.announcements(province.clerkA, title)).as("a slide is no notice").isEmpty();
        String path = "/api/v1/boards/slides/proposed/" + slide.getLong("id");

        JsonObject approve = new JsonObject().put("boards", new JsonArray().add(board)).put("seconds", 20);
        assertRefused(province.clerkA.post(path + "/approve", approve), 403, "forbidden");
        String elsewhere = board("thon-b1");
        assertRefused(province.approverA.post(path + "/approve", new JsonObject()
                .put("boards", new JsonArray().add(board).add(elsewhere))), 404, "not_found");

        var reply = province.approverA.post(path + "/approve", approve);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("state")).isEqualTo("APPROVED");
        assertThat(reply.json().getJsonArray("boards").getList()).containsExactly(board);
        JsonObject shown = province.clerkA.get("/api/v1/boards/" + board + "/playlist").json().getJsonArray("items")
                .getJsonObject(0);
        assertThat(shown.getString("kind")).isEqualTo("TEXT");
        assertThat(shown.getString("title")).isEqualTo(title);
        assertThat(shown.getInteger("seconds")).isEqualTo(20);
        assertThat(province.clerkA.get("/api/v1/boards/" + board + "/snapshot.png").status()).isEqualTo(200);
        assertThat(province.clerkB.get("/api/v1/boards/" + elsewhere + "/playlist").json().getJsonArray("items"))
                .isEmpty();
        assertThat(proposed(province.approverA, title)).as("no longer awaiting").isEmpty();
        assertRefused(province.approverA.post(path + "/approve", approve), 409, "already_decided");

        JsonArray audit = province.adminA.get("/api/v1/audit?limit=200").array();
        assertThat(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("actor").equals("plugin:echo@xa-a")
                && e.getString("action").equals("slide.propose"))).isTrue();
        assertThat(audit.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("actor").equals("approver-a")
                && e.getString("action").equals("slide.approve"))).isTrue();
    }

    @Test
    void anApproverTurnsASlideDownWithAReason() throws Exception {
        String title = Province.unique("Quảng cáo");
        JsonObject slide = proposeSlide(title);
        String path = "/api/v1/boards/slides/proposed/" + slide.getLong("id");
        assertThat(province.approverA.post(path + "/reject", new JsonObject()).status()).isEqualTo(400);
        assertRefused(province.clerkB.post(path + "/reject", new JsonObject().put("reason", "x")), 403, "forbidden");
        var reply = province.approverA.post(path + "/reject", new JsonObject().put("reason", "Không phù hợp"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("state")).isEqualTo("REJECTED");
        assertThat(reply.json().getString("reason")).isEqualTo("Không phù hợp");
        assertThat(proposed(province.approverA, title)).isEmpty();
        assertRefused(province.approverA.post("/api/v1/boards/slides/proposed/999999/reject",
                new JsonObject().put("reason", "x")), 404, "not_found");
    }
}
