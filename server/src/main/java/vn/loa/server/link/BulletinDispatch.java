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
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.announcement.AnnouncementRepository;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.db.Rows;

/**
 * The upstream's half of bulletins down: when an announcement is approved (an emergency is at creation), it is put in
 * the outbox of every downstream whose zone it reaches, in the approval's transaction; a cancel, or a new time, follows
 * to every downstream it went to. Its recordings travel by hash ({@link LinkAudio}). A bulletin received from above
 * goes on down the same way (central, province, commune). Runs inside the lifecycle's transaction; stateless.
 */
public final class BulletinDispatch implements AnnouncementService.TransitionHook {

    private final AnnouncementRepository announcements;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration emergencyLifetime;
    private final LinkAudio audio;
    private final LinkSlides slides;

    BulletinDispatch(AnnouncementRepository announcements, Outbox outbox, LinkAudio audio, LinkSlides slides,
            Clock clock, Duration emergencyLifetime) {
        this.audio = audio;
        this.slides = slides;
        this.announcements = announcements;
        this.outbox = outbox;
        this.clock = clock;
        this.emergencyLifetime = emergencyLifetime;
    }

    @Override
    public void moved(Handle h, long id, AnnouncementState from, AnnouncementState to) {
        if (to == AnnouncementState.APPROVED && from != AnnouncementState.APPROVED) {
            approved(h, id);
        } else if (to == AnnouncementState.CANCELLED) {
            cancelled(h, id);
        } else if (from == to && (to == AnnouncementState.APPROVED || to == AnnouncementState.SCHEDULED)) {
            rescheduled(h, id);
        }
    }

    /** A bulletin moved to another time: the new time follows it to every downstream it went to. */
    private void rescheduled(Handle h, long id) {
        Instant at = announcements.find(h, id).orElseThrow().schedule().at();
        if (at == null) {
            return;
        }
        Instant now = clock.instant();
        h.createQuery("SELECT downstream_id FROM link_sent WHERE announcement_id = :a").bind("a", id)
                .mapTo(String.class).list()
                .forEach(d -> outbox.put(h, d, Envelope.BULLETINS, Envelope.RESCHEDULE,
                        new JsonObject().put("origin", id).put("at", at.toString()), now, null));
    }

    private void approved(Handle h, long id) {
        List<Downstream> reached = reached(h, id);
        if (reached.isEmpty()) {
            return;
        }
        Announcement a = announcements.find(h, id).orElseThrow();
        Instant now = clock.instant();
        Level level = Level.of(a);
        Instant expires = level == Level.KHAN_CAP ? now.plus(emergencyLifetime) : a.schedule().until();
        JsonArray recordings = audio.describe(h, a);
        JsonArray pictures = slides.describe(h, id);
        for (Downstream d : reached) {
            boolean sent = h.createQuery("SELECT COUNT(*) FROM link_sent WHERE downstream_id = :d AND "
                            + "announcement_id = :a").bind("d", d.id).bind("a", id).mapTo(Integer.class).one() > 0;
            if (!sent) {
                h.createUpdate("INSERT INTO link_sent (downstream_id, announcement_id, sent_at) VALUES (:d, :a, :at)")
                        .bind("d", d.id).bind("a", id).bind("at", Rows.utc(now)).execute();
                outbox.put(h, d.id, Envelope.BULLETINS, Envelope.BULLETIN, Bulletin.json(a, level, d.zone, d.targets)
                        .put("audio", recordings).put("slides", pictures),
                        now, expires);
            }
        }
    }

    private void cancelled(Handle h, long id) {
        Instant now = clock.instant();
        h.createQuery("SELECT downstream_id FROM link_sent WHERE announcement_id = :a").bind("a", id)
                .mapTo(String.class).list()
                .forEach(d -> outbox.put(h, d, Envelope.BULLETINS, Envelope.CANCEL, new JsonObject().put("origin", id),
                        now, null));
    }

    /** A downstream the announcement reaches, and its targets there (empty: its whole tree). */
    private record Downstream(String id, String zone, List<String> targets) {
    }

    /**
     * The downstreams an announcement reaches: those whose zone lies in one of its zones (their whole tree), or
     * contains one of its zones (that zone, by the id the downstream knows it by).
     */
    private static List<Downstream> reached(Handle h, long id) {
        List<String[]> zones = h.createQuery("SELECT z.id, z.path FROM announcement_zone az JOIN zone z ON z.id = "
                        + "az.zone_id WHERE az.announcement_id = :a")
                .bind("a", id).map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).list();
        List<Downstream> out = new ArrayList<>();
        h.createQuery("SELECT d.id, d.zone_id, z.path FROM link_downstream d JOIN zone z ON z.id = d.zone_id "
                        + "WHERE d.public_key IS NOT NULL ORDER BY d.id")
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(d -> {
                    boolean whole = zones.stream().anyMatch(z -> d[2].startsWith(z[1]));
                    List<String> inside = zones.stream().filter(z -> z[1].startsWith(d[2]) && !z[1].equals(d[2]))
                            .map(z -> z[0]).toList();
                    if (whole || !inside.isEmpty()) {
                        out.add(new Downstream(d[0], d[1], whole ? List.of() : inside));
                    }
                });
        return out;
    }

    /** The content of a bulletin message. */
    static final class Bulletin {
        private Bulletin() {
        }

        static JsonObject json(Announcement a, Level level, String linkedZone, List<String> targets) {
            var s = a.schedule();
            JsonObject schedule = new JsonObject();
            if (s.at() != null) {
                schedule.put("at", s.at().toString());
            }
            if (s.until() != null) {
                schedule.put("until", s.until().toString());
            }
            if (s.duration() != null) {
                schedule.put("duration", s.duration().toSeconds());
            }
            JsonObject json = new JsonObject().put("origin", a.id()).put("title", a.title()).put("text", a.text())
                    .put("level", level.name()).put("author", a.createdBy()).put("zone", linkedZone)
                    .put("targets", new JsonArray(targets)).put("voice", a.voice()).put("repeat", a.repeat())
                    .put("chime", a.chime()).put("schedule", schedule)
                    .put("createdAt", a.createdAt().toString());
            if (a.relayUrl() != null) {
                json.put("relay", a.relayUrl()); // aired for schedule.duration, at schedule.at when it has one
            }
            return json;
        }
    }
}
