package vn.loa.server.display.campaign;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.loa.display.campaign.Campaign;
import vn.loa.display.screen.PlaylistItem;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/** The JSON shapes of display groups and campaigns (openapi.yaml checks types and ranges first). */
final class CampaignJson {

    private CampaignJson() {
    }

    static DisplayGroup group(String id, JsonObject j) {
        return new DisplayGroup(id, TextInput.required(TextInput.plain(j.getString("name", "")), "name"),
                j.getString("zone"), strings(j.getJsonArray("boards")));
    }

    static JsonObject write(DisplayGroup g) {
        JsonObject j = new JsonObject().put("id", g.id()).put("name", g.name()).put("boards", new JsonArray(g.boards()));
        return g.zoneId() == null ? j : j.put("zone", g.zoneId());
    }

    static CampaignRepository.Scheduled campaign(String id, JsonObject j) {
        Campaign.Mode mode = Campaign.Mode.valueOf(j.getString("mode", "ROTATION"));
        int share = j.getInteger("shareSeconds", 0);
        if (j.getValue("sharePercent") != null) {
            share = (int) Math.round(j.getDouble("sharePercent") * 36); // percent of 3,600 s
        }
        List<PlaylistItem> items = new ArrayList<>();
        for (Object o : j.getJsonArray("items", new JsonArray())) {
            JsonObject i = (JsonObject) o;
            PlaylistItem.Kind kind = PlaylistItem.Kind.valueOf(i.getString("kind", "TEXT"));
            String title = TextInput.plain(i.getString("title", ""));
            String body = TextInput.plain(i.getString("body", ""));
            if (kind == PlaylistItem.Kind.TEXT && title.isEmpty() && body.isEmpty()) {
                throw Refusal.invalid("invalid_request", "Trang chữ cần tiêu đề hoặc nội dung.", "items");
            }
            if (kind == PlaylistItem.Kind.IMAGE && i.getString("mediaId") == null) {
                throw Refusal.invalid("invalid_request", "Mục ảnh cần 'mediaId' (tải ảnh lên trước).", "items");
            }
            items.add(new PlaylistItem("c-" + UUID.randomUUID().toString().substring(0, 13), kind, title, body,
                    i.getString("mediaId"), i.getString("fit"), i.getInteger("seconds", 10), Set.of(), null, null,
                    TextInput.plain(i.getString("region"))));
        }
        Campaign c = new Campaign(id, TextInput.required(TextInput.plain(j.getString("name", "")), "name"), mode,
                j.getInteger("priority", 0), instant(j.getString("startsAt"), "startsAt"),
                instant(j.getString("endsAt"), "endsAt"), days(j.getJsonArray("days")), time(j.getString("from")),
                time(j.getString("to")), j.getString("layout"), share, items);
        return new CampaignRepository.Scheduled(c, strings(j.getJsonArray("groups")));
    }

    static JsonObject write(CampaignRepository.Scheduled s) {
        Campaign c = s.campaign();
        JsonObject j = new JsonObject().put("id", c.id()).put("name", c.name()).put("mode", c.mode().name())
                .put("priority", c.priority()).put("groups", new JsonArray(s.groups()));
        if (c.startsAt() != null) {
            j.put("startsAt", c.startsAt().toString());
        }
        if (c.endsAt() != null) {
            j.put("endsAt", c.endsAt().toString());
        }
        if (!c.days().isEmpty()) {
            j.put("days", new JsonArray(c.days().stream().sorted().map(DayOfWeek::getValue).toList()));
        }
        if (c.from() != null) {
            j.put("from", c.from().toString()).put("to", c.to().toString());
        }
        if (c.layout() != null) {
            j.put("layout", c.layout());
        }
        if (c.mode() == Campaign.Mode.INTERRUPT) {
            j.put("shareSeconds", c.shareSeconds());
        }
        JsonArray items = new JsonArray();
        for (PlaylistItem i : c.items()) {
            JsonObject o = new JsonObject().put("id", i.id()).put("kind", i.kind().name()).put("title", i.title())
                    .put("seconds", i.seconds());
            if (i.body() != null && !i.body().isEmpty()) {
                o.put("body", i.body());
            }
            if (i.mediaId() != null) {
                o.put("mediaId", i.mediaId());
            }
            if (i.fit() != null) {
                o.put("fit", i.fit());
            }
            if (i.region() != null) {
                o.put("region", i.region());
            }
            items.add(o);
        }
        return j.put("items", items);
    }

    private static List<String> strings(JsonArray a) {
        return a == null ? List.of() : a.stream().map(String::valueOf).distinct().toList();
    }

    private static Set<DayOfWeek> days(JsonArray days) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        if (days != null) {
            days.forEach(d -> out.add(DayOfWeek.of((Integer) d)));
        }
        return out;
    }

    private static Instant instant(String text, String field) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_request", "Thời điểm '" + text + "' không hợp lệ; viết theo ISO 8601, ví dụ "
                    + "2026-12-08T00:00:00Z.", field);
        }
    }

    private static LocalTime time(String text) {
        try {
            return text == null ? null : LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_request", "Giờ '" + text + "' không hợp lệ; viết giờ:phút, ví dụ 07:30.",
                    "from");
        }
    }
}
