package vn.loa.server.announcement;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/**
 * Reads an announcement request body (already checked against the OpenAPI schema) into an {@link AnnouncementDraft},
 * applying the rules a schema cannot express: some content present, a relay URL Loa can open, a coherent schedule.
 */
final class AnnouncementRequests {

    /** The most recordings one playlist airs. */
    static final int PLAYLIST_MAX = 50;

    private AnnouncementRequests() {
    }

    static AnnouncementDraft draft(JsonObject body) {
        String title = TextInput.required(TextInput.plain(body.getString("title")), "title");
        String text = TextInput.rich(body.getString("text"));
        if (text != null && text.isBlank()) {
            text = null;
        }
        // Whether the audio exists (and the caller may use it) is the lifecycle's check, in its transaction.
        String audioId = body.getString("audioId");
        String relayUrl = relayUrl(body.getString("relayUrl"));
        List<String> playlist = playlist(body.getJsonArray("playlist"), text != null || audioId != null || relayUrl != null);
        JsonObject window = body.getJsonObject("schedule");
        if (relayUrl != null && text == null && audioId == null && (window == null || window.getInteger("duration") == null)) {
            throw Refusal.invalid("invalid_schedule", "Tiếp sóng cần thời lượng: đặt 'schedule.duration' (giây), "
                    + "ví dụ 1800 cho 30 phút.");
        }
        if (text == null && audioId == null && relayUrl == null && playlist.isEmpty()) {
            throw Refusal.invalid("missing_content", "Tin cần có nội dung: nhập văn bản (text), chọn tệp âm thanh "
                    + "(audioId), danh sách tệp (playlist) hoặc địa chỉ tiếp sóng (relayUrl).");
        }
        // Duplicates in the zone list would be one zone; keep the order the clerk chose.
        List<String> zones = List.copyOf(new LinkedHashSet<>(strings(body.getJsonArray("zones"))));
        Priority priority = Priority.valueOf(body.getString("priority", Priority.SCHEDULED.name()));
        return new AnnouncementDraft(title, text, audioId, relayUrl, zones, priority, body.getString("voice"),
                body.getInteger("repeat", 1), body.getBoolean("chime", true), schedule(body.getJsonObject("schedule")),
                playlist);
    }

    /** A playlist's audio ids in airing order; whether each exists is the lifecycle's check, like {@code audioId}. */
    private static List<String> playlist(JsonArray ids, boolean otherContent) {
        if (ids == null) {
            return List.of();
        }
        if (otherContent) {
            throw Refusal.invalid("invalid_playlist", "Danh sách phát (playlist) không đi cùng văn bản (text), "
                    + "tệp âm thanh (audioId) hay tiếp sóng (relayUrl): chọn một loại nội dung.");
        }
        if (ids.isEmpty() || ids.size() > PLAYLIST_MAX) {
            throw Refusal.invalid("invalid_playlist", "Danh sách phát (playlist) cần từ 1 đến " + PLAYLIST_MAX
                    + " mã tệp âm thanh; danh sách này có " + ids.size() + ".");
        }
        return strings(ids);
    }

    private static List<String> strings(JsonArray array) {
        return array.stream().map(String.class::cast).toList();
    }

    private static String relayUrl(String value) {
        return value == null ? null : RelayPolicy.wellFormed(value);
    }

    private static Schedule schedule(JsonObject s) {
        if (s == null) {
            return new Schedule(null, null, null);
        }
        Instant at = instant(s.getString("at"), "schedule.at");
        String cron = s.getString("cron");
        if (cron != null) {
            vn.loa.scheduler.Recurrence.problemWith(cron).ifPresent(problem -> {
                throw Refusal.invalid("invalid_schedule", problem);
            });
        }
        Instant until = instant(s.getString("until"), "schedule.until");
        if (until != null && cron == null) {
            throw Refusal.invalid("invalid_schedule", "'until' chỉ dùng cùng lịch lặp lại 'cron'.");
        }
        if (until != null && at != null && !until.isAfter(at)) {
            throw Refusal.invalid("invalid_schedule", "Thời điểm kết thúc (until) phải sau thời điểm bắt đầu (at).");
        }
        Integer seconds = s.getInteger("duration");
        return new Schedule(at, cron, until, seconds == null ? null : java.time.Duration.ofSeconds(seconds));
    }

    static Instant instant(String value, String field) {
        return vn.loa.server.http.TimeInput.instant(value, field, "invalid_schedule");
    }
}
