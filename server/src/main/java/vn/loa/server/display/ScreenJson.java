package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.PlaylistItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import vn.loa.display.render.OverlayRenderer;

/**
 * A screen as the web player receives it: the entries in order with the URL of each frame (or video), their text for
 * the page's DOM, the banner, the brightness of the hour, and the server's clock so the player keeps the same rotation.
 */
final class ScreenJson {

    private ScreenJson() {
    }

    /** @param bannerUntil when the banner comes down by itself (the player keeps it offline until then), or null */
    static JsonObject write(Screen s, Instant now, ZoneId zone, Instant bannerUntil) {
        String base = "/player/" + s.board().id();
        JsonArray entries = new JsonArray();
        for (Screen.Entry e : s.entries()) {
            entries.add(entry(s, e, ""));
        }
        // Interrupts cut into the rotation at these seconds of every hour (share of voice), as Screen.entryAt does.
        JsonArray interrupts = new JsonArray();
        for (Screen.Slot slot : s.interrupts()) {
            interrupts.add(entry(s, slot.entry(), "").put("at", slot.offset()));
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
        // The coming days' schedule: a player cut from the server switches to each part at its time.
        JsonArray ahead = new JsonArray();
        for (Screen.Ahead a : s.ahead()) {
            Screen then = s.at(a.from());
            String from = "&from=" + a.from().toEpochMilli();
            JsonArray aheadEntries = new JsonArray();
            then.entries().forEach(e -> aheadEntries.add(entry(then, e, from)));
            JsonArray aheadInterrupts = new JsonArray();
            then.interrupts().forEach(slot -> aheadInterrupts.add(entry(then, slot.entry(), from).put("at", slot.offset())));
            ahead.add(new JsonObject().put("from", a.from().toEpochMilli()).put("entries", aheadEntries)
                    .put("interrupts", aheadInterrupts).put("overlay", overlay(then, from)).put("regions", regions(then, from))
                    .put("layout", layout(then)));
        }
        return new JsonObject().put("type", "screen").put("serverTime", now.toEpochMilli()).put("version", s.version())
                .put("board", new JsonObject().put("id", s.board().id()).put("name", s.board().name())
                        .put("width", s.profile().width()).put("height", s.profile().height()))
                .put("brightness", s.profile().brightness().percentAt(LocalTime.ofInstant(now, zone)))
                .put("entries", entries).put("interrupts", interrupts).put("overlay", overlay(s, "")).put("banner", banner)
                .put("ahead", ahead).put("regions", regions(s, ""))
                // Frames of a layout with a clock are redrawn each minute: the player asks for them with ?at=.
                .put("layout", layout(s));
    }

    /**
     * The layout's further playlist regions, where they lie on the panel (percent) and the entries each cycles on the
     * epoch clock; the player lays each one's picture over its frame, as the overlay's.
     */
    private static JsonArray regions(Screen s, String from) {
        JsonArray out = new JsonArray();
        for (vn.loa.display.layout.Region r : s.layout().sidePlaylists()) {
            java.awt.Rectangle at = OverlayRenderer.onPanel(s.profile(),
                    s.layout().place(r, s.profile().canvasWidth(), s.profile().canvasHeight()));
            JsonArray entries = new JsonArray();
            for (Screen.Entry e : s.regions().getOrDefault(r.name(), java.util.List.of())) {
                JsonObject j = entry(s, e, from);
                entries.add(j.put("src", "/player/" + s.board().id() + "/regions/" + r.name() + "/" + e.item().id()
                        + "-" + e.page() + ".png?v=" + s.version() + from).put("region", r.name()));
                j.remove("video"); // a further region shows a video's poster
            }
            out.add(new JsonObject().put("name", r.name()).put("entries", entries)
                    .put("left", 100.0 * at.x / s.profile().width()).put("top", 100.0 * at.y / s.profile().height())
                    .put("width", 100.0 * at.width / s.profile().width())
                    .put("height", 100.0 * at.height / s.profile().height()));
        }
        return out;
    }

    private static JsonObject layout(Screen s) {
        return new JsonObject().put("name", s.layout().name()).put("followsClock", s.layout().followsClock());
    }

    private static JsonObject overlay(Screen s, String from) {
        if (s.overlay() == null) {
            return null;
        }
        java.awt.Rectangle at = OverlayRenderer.onPanel(s.profile());
        return new JsonObject().put("text", s.overlay())
                .put("src", "/player/" + s.board().id() + "/overlay.png?v=" + s.version() + from)
                .put("left", 100.0 * at.x / s.profile().width()).put("top", 100.0 * at.y / s.profile().height())
                .put("width", 100.0 * at.width / s.profile().width())
                .put("height", 100.0 * at.height / s.profile().height());
    }

    /** @param from {@code &from=<epoch ms>} for an entry of the schedule ahead (its frame is drawn in that layout) */
    private static JsonObject entry(Screen s, Screen.Entry e, String from) {
        String base = "/player/" + s.board().id();
        PlaylistItem i = e.item();
        JsonObject j = new JsonObject().put("key", e.key()).put("item", i.id()).put("kind", i.kind().name())
                .put("page", e.page()).put("pages", e.pages()).put("seconds", e.seconds())
                .put("title", i.title()).put("body", i.body() == null ? "" : i.body())
                .put("src", base + "/frames/" + i.id() + "-" + e.page() + ".png?v=" + s.version() + from);
        if (i.kind() == PlaylistItem.Kind.VIDEO) {
            j.put("video", base + "/media/" + i.mediaId() + ".webm");
        }
        return j;
    }
}
