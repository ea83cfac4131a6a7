package vn.loa.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.server.api.BoardContentIT.pixels;
import static vn.loa.server.api.BoardContentIT.playlist;
import static vn.loa.server.api.BoardContentIT.png;
import static vn.loa.server.api.BoardContentIT.text;
import static vn.loa.server.api.Province.created;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;
import vn.loa.display.layout.Layout;
import vn.loa.display.layout.Layouts;
import vn.loa.display.layout.Region;
import vn.loa.display.render.SlideRenderer;
import vn.loa.display.render.TextSlide;

/** Each playlist region of a layout plays its own items: stored, composed in the snapshot, served to players. */
class RegionPlaylistIT extends ApiSuite {

    static final String LAYOUT = "header-main-gallery-ticker";

    @Test
    void aSideColumnPlaysTheItemsSentToItBesideTheMainNotice() throws Exception {
        String id = Province.unique("bang");
        String key = created(province.admin.post("/api/v1/boards", new JsonObject().put("id", id)
                .put("name", "Bảng tin cổng xã").put("zone", "thon-a1").put("kind", "LCD").put("width", 960)
                .put("height", 540).put("layout", LAYOUT))).json().getString("playerKey");
        var put = province.clerkA.put("/api/v1/boards/" + id + "/playlist", playlist(
                text(BoardContentIT.TITLE, BoardContentIT.BODY), text("Chợ phiên", "Sáng Chủ nhật").put("region", "side")));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonArray items = put.json().getJsonArray("items");
        assertThat(items.getJsonObject(1).getString("region")).isEqualTo("side");
        assertThat(items.getJsonObject(1).getBoolean("playingNow")).isTrue();

        Layout layout = Layouts.named(LAYOUT);
        BoardProfile profile = BoardProfile.of(new Board(id, "x", "thon-a1", BoardKind.LCD, 960, 540, null));
        Region sideRegion = layout.sidePlaylists().get(0);
        Rectangle main = layout.place(layout.playlist(), 960, 540);
        Rectangle side = layout.place(sideRegion, 960, 540);
        SlideRenderer slides = new SlideRenderer();
        BufferedImage mainSlide = slides.render(layout.playlistProfile(profile),
                new TextSlide(BoardContentIT.TITLE, BoardContentIT.BODY), 0);
        BufferedImage sideSlide = slides.render(layout.profileOf(sideRegion, profile), new TextSlide("Chợ phiên",
                "Sáng Chủ nhật"), 0);
        BufferedImage snapshot = png(province.clerkA.get("/api/v1/boards/" + id + "/snapshot.png"));
        assertThat(pixels(snapshot.getSubimage(main.x, main.y, main.width, main.height))).as("the notice in main")
                .isEqualTo(pixels(mainSlide));
        assertThat(pixels(snapshot.getSubimage(side.x, side.y, side.width, side.height))).as("its own page in side")
                .isEqualTo(pixels(sideSlide));

        // The player is given the side column's entries and where it lies, and its frame at the region's size.
        var messages = new java.util.concurrent.LinkedBlockingQueue<JsonObject>();
        java.net.http.WebSocket player = BoardContentIT.playerSocket(id, "?key=" + key, messages);
        try {
            JsonObject screen = BoardContentIT.waitForScreen(messages, s -> !s.getJsonArray("regions").isEmpty());
            assertThat(screen.getJsonArray("entries")).hasSize(1);
            JsonObject column = screen.getJsonArray("regions").getJsonObject(0);
            assertThat(column.getString("name")).isEqualTo("side");
            assertThat(column.getDouble("left")).isEqualTo(100.0 * side.x / 960);
            JsonObject entry = column.getJsonArray("entries").getJsonObject(0);
            assertThat(entry.getString("item")).isEqualTo(items.getJsonObject(1).getString("id"));
            BufferedImage frame = png(anonymous().get(entry.getString("src")));
            assertThat(pixels(frame)).as("the region's frame the player lays over its own").isEqualTo(pixels(sideSlide));
        } finally {
            player.abort();
        }
    }

    @Test
    void aCampaignsItemKeepsTheRegionItIsSentTo() {
        // A village of its own, so no other test's board plays the campaign.
        String village = Province.unique("thon");
        created(province.admin.post("/api/v1/zones", Province.zone(village, "Thôn " + village, "xa-a")));
        String group = Province.unique("nhom");
        created(province.clerkA.post("/api/v1/display-groups", new JsonObject().put("id", group).put("name", "Nhóm")
                .put("zone", village)));
        String id = Province.unique("cd");
        JsonObject campaign = BoardLayoutIT.campaign(id, "ROTATION", 1, "Ảnh chợ phiên", group).put("layout", LAYOUT);
        campaign.getJsonArray("items").getJsonObject(0).put("region", "side");
        created(province.clerkA.post("/api/v1/campaigns", campaign));
        JsonObject stored = province.clerkA.get("/api/v1/campaigns/" + id).json();
        assertThat(stored.getJsonArray("items").getJsonObject(0).getString("region")).isEqualTo("side");
    }
}
