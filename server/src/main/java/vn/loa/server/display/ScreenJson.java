package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.PlaylistItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A screen as the web player receives it: the entries in order with the URL of each frame (or video), their text for
 * the page's DOM, the banner, the brightness of the hour, and the server's clock so the player keeps the same rotation.
 */
final class ScreenJson {

    private ScreenJson() {
    }

    /** @param bannerUntil when the banner ends (CAP {@code <expires>}), so a player cut off takes it down then */
    static JsonObject write(Screen s, Instant now, ZoneId zone, Instant bannerUntil) {
        String base = "/player/" + s.board().id();
        JsonArray entries = new JsonArray();
        for (Screen.Entry e : s.entries()) {
            PlaylistItem i = e.item();
            JsonObject j = new JsonObject().put("key", e.key()).put("item", i.id()).put("kind", i.kind().name())
                    .put("page", e.page()).put("pages", e.pages()).put("seconds", e.seconds())
                    .put("title", i.title()).put("body", i.body() == null ? "" : i.body())
                    .put("src", base + "/frames/" + i.id() + "-" + e.page() + ".png?v=" + s.version());
            if (i.kind() == PlaylistItem.Kind.VIDEO) {
                j.put("video", base + "/media/" + i.mediaId() + ".webm");
            }
            entries.add(j);
        }
        if (entries.isEmpty()) {
            // Nothing to play: the board shows its name, as the snapshot does.
            entries.add(new JsonObject().put("key", "idle/0").put("item", "idle").put("kind", "IDLE").put("page", 0)
                    .put("pages", 1).put("seconds", 3600).put("title", s.board().name()).put("body", "")
                    .put("src", base + "/frames/idle-0.png?v=" + s.version()));
        }
        JsonObject banner = s.banner() == null ? null : new JsonObject().put("heading", "KHẨN CẤP")
                .put("text", s.banner()).put("src", base + "/banner.png?v=" + s.version())
                .put("until", bannerUntil == null ? null : bannerUntil.toEpochMilli());
        return new JsonObject().put("type", "screen").put("serverTime", now.toEpochMilli()).put("version", s.version())
                .put("board", new JsonObject().put("id", s.board().id()).put("name", s.board().name())
                        .put("width", s.profile().width()).put("height", s.profile().height()))
                .put("brightness", s.profile().brightness().percentAt(LocalTime.ofInstant(now, zone)))
                .put("entries", entries).put("banner", banner)
                // Frames of a layout with a clock are redrawn each minute: the player asks for them with ?at=.
                .put("layout", new JsonObject().put("name", s.layout().name())
                        .put("followsClock", s.layout().followsClock()));
    }
}
