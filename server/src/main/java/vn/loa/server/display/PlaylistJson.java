package vn.loa.server.display;

import vn.loa.display.screen.Screen;
import vn.loa.display.screen.PlaylistItem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/** The JSON shape of a playlist (the schema in openapi.yaml checks types and ranges first). */
final class PlaylistJson {

    private PlaylistJson() {
    }

    static List<PlaylistItem> read(JsonObject body) {
        List<PlaylistItem> items = new ArrayList<>();
        for (Object o : body.getJsonArray("items")) {
            JsonObject j = (JsonObject) o;
            PlaylistItem.Kind kind = PlaylistItem.Kind.valueOf(j.getString("kind"));
            String title = TextInput.plain(j.getString("title", ""));
            String text = TextInput.plain(j.getString("body", ""));
            if (kind == PlaylistItem.Kind.TEXT && title.isEmpty() && text.isEmpty()) {
                throw Refusal.invalid("invalid_request", "Trang chữ cần tiêu đề hoặc nội dung.");
            }
            if (kind != PlaylistItem.Kind.TEXT && j.getString("mediaId") == null) {
                throw Refusal.invalid("invalid_request", "Mục ảnh hoặc video cần 'mediaId' (tải tệp lên trước).");
            }
            LocalTime from = time(j.getString("from"));
            LocalTime to = time(j.getString("to"));
            if ((from == null) != (to == null)) {
                throw Refusal.invalid("invalid_request", "Khung giờ cần cả 'from' và 'to' (giờ:phút), hoặc bỏ cả hai.");
            }
            items.add(new PlaylistItem(UUID.randomUUID().toString().substring(0, 8), kind, title, text,
                    j.getString("mediaId"), j.getString("fit"), j.getInteger("seconds", 10), days(j.getJsonArray("days")),
                    from, to, TextInput.plain(j.getString("region"))));
        }
        return items;
    }

    static JsonObject write(PlaylistItem i) {
        JsonObject j = new JsonObject().put("id", i.id()).put("kind", i.kind().name()).put("seconds", i.seconds());
        if (!i.title().isEmpty()) {
            j.put("title", i.title());
        }
        if (i.body() != null && !i.body().isEmpty()) {
            j.put("body", i.body());
        }
        if (i.mediaId() != null) {
            j.put("mediaId", i.mediaId());
        }
        if (i.fit() != null) {
            j.put("fit", i.fit());
        }
        if (!i.days().isEmpty()) {
            j.put("days", new JsonArray(i.days().stream().sorted().map(DayOfWeek::getValue).toList()));
        }
        if (i.from() != null) {
            j.put("from", i.from().toString()).put("to", i.to().toString());
        }
        if (i.region() != null) {
            j.put("region", i.region());
        }
        return j;
    }

    /** The playlist as stored, with the pages each text item needs on this board right now. */
    static JsonObject write(List<PlaylistItem> items, Screen screen) {
        JsonArray out = new JsonArray();
        for (PlaylistItem i : items) {
            JsonObject j = write(i);
            java.util.stream.Stream.concat(screen.entries().stream(),
                    screen.regions().values().stream().flatMap(List::stream))
                    .filter(e -> e.item().id().equals(i.id())).findFirst()
                    .ifPresentOrElse(e -> j.put("pages", e.pages()).put("playingNow", true), () -> j.put("playingNow", false));
            out.add(j);
        }
        return new JsonObject().put("board", screen.board().id()).put("items", out);
    }

    private static Set<DayOfWeek> days(JsonArray days) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        if (days != null) {
            days.forEach(d -> out.add(DayOfWeek.of((Integer) d)));
        }
        return out;
    }

    private static LocalTime time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_request", "Giờ '" + text + "' không hợp lệ; viết giờ:phút, ví dụ 07:30.");
        }
    }
}
