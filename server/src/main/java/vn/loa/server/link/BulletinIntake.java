package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.RelayPolicy;
import vn.loa.server.db.Rows;
import vn.loa.server.http.TextInput;
import vn.loa.server.refusal.Refusal;

/**
 * The downstream's half of bulletins down: a bulletin becomes this system's own announcement, created on the
 * receiving transaction (so the message and the announcement land together, once), with its origin kept (the creator
 * is {@code <upstream>:<author>}, the level and system in {@code link_received}); a cancel marks it to be cancelled.
 * The steps after creation (submit, approve, broadcast, cancel) are taken by {@link LinkSteps} once committed.
 * Refuses a bulletin aimed outside the zone this system was linked as. Runs on the receiving handle.
 */
final class BulletinIntake {

    private final AnnouncementService announcements;
    private final Upstream upstream;
    private final Outbox outbox;
    private final Clock clock;
    private final boolean ownApproval;
    private final LinkAudio audio;
    private final LinkSlides slides;

    BulletinIntake(AnnouncementService announcements, Upstream upstream, Outbox outbox, LinkAudio audio,
            LinkSlides slides, Clock clock, boolean ownApproval) {
        this.audio = audio;
        this.slides = slides;
        this.announcements = announcements;
        this.upstream = upstream;
        this.outbox = outbox;
        this.clock = clock;
        this.ownApproval = ownApproval;
    }

    /** Applies a bulletin or a cancel from the upstream. */
    Receiver.Content content() {
        return new Receiver.Content() {
            @Override
            public String apply(Handle h, Envelope e) {
                UpstreamLink link = upstream.current(h).orElseThrow();
                return switch (e.kind()) {
                    case Envelope.BULLETIN -> bulletin(h, link, e);
                    case Envelope.CANCEL -> cancel(h, e);
                    case Envelope.RESCHEDULE -> reschedule(h, e);
                    default -> "ignored: unknown kind " + e.kind();
                };
            }

            @Override
            public void refused(Handle h, Envelope e, Refusal refusal) {
                report(h, e, refusal.code(), refusal.getMessage());
            }
        };
    }

    private String bulletin(Handle h, UpstreamLink link, Envelope e) {
        JsonObject b = e.body();
        long origin = b.getLong("origin", -1L);
        if (!link.zoneId().equals(b.getString("zone"))) {
            throw outside("Bản tin gửi cho khu vực '" + b.getString("zone") + "' của cấp trên, không phải khu vực '"
                    + link.zoneId() + "' mà hệ thống này được liên kết.", "zone");
        }
        List<String> zones = targets(h, b.getJsonArray("targets", new JsonArray()));
        Level level = Level.valueOf(b.getString("level", "THONG_THUONG"));
        String author = cut(b.getString("author", "?"), 64);
        Instant now = clock.instant();
        if (e.expires() != null && e.expires().isBefore(now)) {
            received(h, origin, null, link, author, level, "EXPIRED", true, now);
            report(h, e, "expired", "Bản tin đến khi đã hết hạn (" + e.expires() + "); không phát.");
            return "expired";
        }
        String text = b.getString("text");
        // Fetched before this transaction began (UpstreamExchange); one missing leaves the bulletin for the next poll.
        List<String> recordings = audio.localIds(h, b.getJsonArray("audio", new JsonArray()));
        List<String> pictures = slides.held(h, b.getJsonArray("slides", new JsonArray()));
        String relay = b.getString("relay");
        if ((text == null || text.isBlank()) && recordings.isEmpty() && relay == null) {
            throw Refusal.invalid("empty_bulletin", "Bản tin không có văn bản, bản ghi âm hay địa chỉ tiếp sóng.", "text");
        }
        Announcement a = announcements.create(LinkCallers.author(link, author, h), draft(b, zones, level, recordings));
        slides.attach(h, a.id(), pictures);
        String wanted = level == Level.THONG_THUONG ? (ownApproval ? "SUBMITTED" : "APPROVED") : "SCHEDULED";
        received(h, origin, a.id(), link, author, level, wanted, false, now);
        return "announcement " + a.id();
    }

    private String cancel(Handle h, Envelope e) {
        long origin = e.body().getLong("origin", -1L);
        int marked = h.createUpdate("UPDATE link_received SET wanted = 'CANCELLED', settled = FALSE WHERE origin_id = :o "
                        + "AND announcement_id IS NOT NULL").bind("o", origin).execute();
        return marked > 0 ? "cancel" : "ignored: bulletin " + origin + " unknown";
    }

    /** The upstream moved a ưu tiên bulletin: the local copy is moved there once committed ({@link LinkSteps}). */
    private String reschedule(Handle h, Envelope e) {
        long origin = e.body().getLong("origin", -1L);
        Instant at = Instant.parse(e.body().getString("at"));
        int marked = h.createUpdate("UPDATE link_received SET wanted_at = :at, settled = FALSE WHERE origin_id = :o "
                        + "AND announcement_id IS NOT NULL AND wanted <> 'CANCELLED'")
                .bind("o", origin).bind("at", Rows.utc(at)).execute();
        return marked > 0 ? "reschedule " + at : "ignored: bulletin " + origin + " unknown or cancelled";
    }

    /** The local zones a bulletin names: its targets, each a zone of this system; none means the whole tree. */
    private static List<String> targets(Handle h, JsonArray targets) {
        List<String> zones = new ArrayList<>();
        for (Object t : targets) {
            String id = String.valueOf(t);
            if (h.createQuery("SELECT COUNT(*) FROM zone WHERE id = :id").bind("id", id).mapTo(Integer.class).one()
                    == 0) {
                throw outside("Bản tin nhắm tới khu vực '" + id + "' không thuộc hệ thống này.", "targets");
            }
            zones.add(id);
        }
        if (zones.isEmpty()) {
            zones.add(LinkCallers.root(h)[0]);
        }
        return zones;
    }

    /**
     * The local draft of a bulletin. A relay keeps its window at every level (its duration; its time when ưu tiên),
     * and its URL is checked here as a clerk's would be; the commune's own {@code relay.allowed.hosts} then decides
     * whether it may pull from that host (the lifecycle's check).
     */
    private static AnnouncementDraft draft(JsonObject b, List<String> zones, Level level, List<String> recordings) {
        JsonObject s = b.getJsonObject("schedule", new JsonObject());
        String relay = b.getString("relay") == null ? null : RelayPolicy.wellFormed(b.getString("relay"));
        Duration duration = duration(s.getLong("duration"));
        if (relay != null && duration == null && b.getString("text") == null) {
            throw Refusal.invalid("invalid_schedule", "Bản tin tiếp sóng không có thời lượng (schedule.duration).",
                    "schedule");
        }
        Schedule schedule = level == Level.UU_TIEN
                ? new Schedule(instant(s.getString("at")), null, instant(s.getString("until")), duration)
                : new Schedule(null, null, null, relay == null ? null : duration);
        String text = b.getString("text");
        return new AnnouncementDraft(cut(b.getString("title", "Bản tin cấp trên"), 300),
                text == null || text.isBlank() ? null : TextInput.rich(cut(text, 20_000)),
                recordings.size() == 1 ? recordings.get(0) : null, relay, zones,
                level == Level.KHAN_CAP ? Priority.EMERGENCY : Priority.SCHEDULED, null,
                Math.max(1, Math.min(10, b.getInteger("repeat", 1))), b.getBoolean("chime", true), schedule,
                recordings.size() > 1 ? recordings : List.of());
    }

    /** A window of one second to a day; anything else is malformed. */
    private static Duration duration(Long seconds) {
        if (seconds != null && (seconds < 1 || seconds > 86_400)) {
            throw new IllegalArgumentException("schedule.duration " + seconds + " s is not between 1 s and a day");
        }
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    private static void received(Handle h, long origin, Long id, UpstreamLink link, String author, Level level,
            String wanted, boolean settled, Instant now) {
        h.createUpdate("INSERT INTO link_received (origin_id, announcement_id, origin_system, origin_author, level, "
                        + "wanted, settled, received_at) VALUES (:o, :a, :sys, :author, :level, :wanted, :settled, :at)")
                .bind("o", origin).bind("a", id).bind("sys", link.upstreamId()).bind("author", author)
                .bind("level", level.name()).bind("wanted", wanted).bind("settled", settled)
                .bind("at", Rows.utc(now)).execute();
    }

    /** Tells the upstream a bulletin was not aired here, and why. */
    private void report(Handle h, Envelope e, String code, String message) {
        upstream.current(h).ifPresent(link -> outbox.put(h, link.upstreamId(), Envelope.REPORTS, Envelope.REFUSED,
                new JsonObject().put("origin", e.body().getLong("origin", -1L)).put("code", code)
                        .put("message", message), clock.instant(), null));
    }

    private static Refusal outside(String message, String field) {
        return new Refusal(Refusal.Kind.UNUSABLE, "zone_outside_link", message, null, field);
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
