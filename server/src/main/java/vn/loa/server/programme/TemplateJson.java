package vn.loa.server.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.loa.scheduler.session.BlockRule;
import vn.loa.scheduler.session.OverrunRule;
import vn.loa.scheduler.session.PartKind;
import vn.loa.scheduler.session.SessionPart;
import vn.loa.scheduler.session.SessionTemplate;
import vn.loa.scheduler.session.SmartBlock;
import vn.loa.server.refusal.Refusal;

/**
 * A session template's JSON, both ways: a clerk's request read and checked into a {@link SessionTemplate} (each bad
 * value refused with 400 {@code invalid_template} naming it, in Vietnamese), and a template written for the API and
 * the database.
 */
final class TemplateJson {

    private static final int MOST_PARTS = 50;

    private TemplateJson() {
    }

    /** Reads a request (or a stored row's fields) into a template with id {@code id}. */
    static SessionTemplate read(long id, JsonObject body) {
        String name = text(body, "name", 200);
        String zone = text(body, "zone", 64);
        LocalTime start = time(body.getString("start"), "start");
        LocalTime end = time(body.getString("end"), "end");
        if (!end.isAfter(start)) {
            throw bad("Giờ kết thúc phải sau giờ bắt đầu (một buổi không qua nửa đêm).", "end");
        }
        if (Duration.between(start, end).compareTo(SmartBlock.LONGEST_SLOT) > 0) {
            throw bad("Một buổi phát dài tối đa " + SmartBlock.LONGEST_SLOT.toHours() + " giờ.", "end");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object d : body.getJsonArray("days", new JsonArray())) {
            days.add(day(String.valueOf(d)));
        }
        JsonArray parts = body.getJsonArray("parts", new JsonArray());
        if (parts.isEmpty() || parts.size() > MOST_PARTS) {
            throw bad("Mẫu buổi phát cần từ 1 đến " + MOST_PARTS + " phần.", "parts");
        }
        List<SessionPart> read = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            read.add(part(parts.getJsonObject(i), i, start, end));
        }
        OverrunRule overrun;
        try {
            overrun = OverrunRule.valueOf(body.getString("overrun", "CUT"));
        } catch (IllegalArgumentException e) {
            throw bad("Quy tắc khi quá giờ phải là CUT (cắt) hoặc PUSH (lùi).", "overrun");
        }
        return new SessionTemplate(id, zone, name, days, start, end, read, body.getString("betweenJingle"), overrun,
                body.getString("fallbackUrl"), body.getString("fallbackTag"));
    }

    private static SessionPart part(JsonObject p, int index, LocalTime start, LocalTime end) {
        String field = "parts[" + index + "]";
        PartKind kind;
        try {
            kind = PartKind.valueOf(p.getString("kind", ""));
        } catch (IllegalArgumentException e) {
            throw bad("Phần " + (index + 1) + " có loại không hợp lệ: " + p.getString("kind"), field + ".kind");
        }
        return switch (kind) {
            case JINGLE, RECORDING -> {
                if (p.getString("audioId") == null) {
                    throw bad("Phần " + (index + 1) + " cần chương trình ghi âm (audioId).", field + ".audioId");
                }
                yield kind == PartKind.JINGLE ? SessionPart.jingle(p.getString("audioId"))
                        : SessionPart.recording(p.getString("audioId"));
            }
            case TIME_SIGNAL -> SessionPart.timeSignal();
            case NOTICES -> SessionPart.notices();
            case SMART_BLOCK -> {
                if (p.getString("tag") == null || p.getString("tag").isBlank()) {
                    throw bad("Khối tự chọn ở phần " + (index + 1) + " cần một nhãn (tag).", field + ".tag");
                }
                yield SessionPart.block(new BlockRule(p.getString("tag"), days(p, "maxAgeDays"),
                        days(p, "noRepeatDays"), seconds(p, "maxLengthS")), seconds(p, "lengthS"));
            }
            case RELAY -> {
                if (p.getString("url") == null || seconds(p, "lengthS") == null) {
                    throw bad("Phần tiếp sóng " + (index + 1) + " cần địa chỉ (url) và thời lượng (lengthS).", field);
                }
                LocalTime at = p.getString("at") == null ? null : time(p.getString("at"), field + ".at");
                if (at != null && (at.isBefore(start) || !at.isBefore(end))) {
                    throw bad("Giờ tiếp sóng " + at + " nằm ngoài buổi phát.", field + ".at");
                }
                yield SessionPart.relay(p.getString("url"), at, seconds(p, "lengthS"));
            }
        };
    }

    /** The template for the API (and, without id and zone's name, for the database's parts column). */
    static JsonObject write(SessionTemplate t) {
        return new JsonObject().put("id", t.id()).put("name", t.name()).put("zone", t.zone())
                .put("days", new JsonArray(t.days().stream().sorted().map(d -> d.name().substring(0, 3)).toList()))
                .put("start", t.start().toString()).put("end", t.end().toString())
                .put("parts", parts(t.parts())).put("betweenJingle", t.betweenJingle())
                .put("overrun", t.overrun().name()).put("fallbackUrl", t.fallbackUrl())
                .put("fallbackTag", t.fallbackTag()).put("cron", t.cron());
    }

    static JsonArray parts(List<SessionPart> parts) {
        JsonArray out = new JsonArray();
        for (SessionPart p : parts) {
            JsonObject json = new JsonObject().put("kind", p.kind().name());
            putIf(json, "audioId", p.audioId());
            putIf(json, "url", p.url());
            putIf(json, "at", p.at() == null ? null : p.at().toString());
            putIf(json, "lengthS", p.length() == null ? null : p.length().toSeconds());
            if (p.rule() != null) {
                json.put("tag", p.rule().tag());
                putIf(json, "maxAgeDays", p.rule().maxAge() == null ? null : p.rule().maxAge().toDays());
                putIf(json, "noRepeatDays", p.rule().noRepeat() == null ? null : p.rule().noRepeat().toDays());
                putIf(json, "maxLengthS", p.rule().maxLength() == null ? null : p.rule().maxLength().toSeconds());
            }
            out.add(json);
        }
        return out;
    }

    private static void putIf(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }

    private static String text(JsonObject body, String key, int longest) {
        String value = body.getString(key);
        if (value == null || value.isBlank() || value.length() > longest) {
            throw bad("Thiếu hoặc quá dài: " + key, key);
        }
        return value.trim();
    }

    static LocalTime time(String value, String field) {
        try {
            return LocalTime.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw bad("Giờ không hợp lệ (cần HH:MM hoặc HH:MM:SS): " + value, field);
        }
    }

    private static DayOfWeek day(String value) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().substring(0, 3).equals(value.toUpperCase(Locale.ROOT))) {
                return d;
            }
        }
        throw bad("Ngày trong tuần không hợp lệ: " + value + " (MON, TUE, WED, THU, FRI, SAT, SUN)", "days");
    }

    private static Duration days(JsonObject p, String key) {
        Integer n = p.getInteger(key);
        return n == null ? null : Duration.ofDays(n);
    }

    private static Duration seconds(JsonObject p, String key) {
        Integer n = p.getInteger(key);
        if (n != null && n <= 0) {
            throw bad(key + " phải là số giây dương.", key);
        }
        return n == null ? null : Duration.ofSeconds(n);
    }

    static Refusal bad(String message, String field) {
        return Refusal.invalid("invalid_template", message, field);
    }
}
