package vn.loa.server.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.core.model.Priority;
import vn.loa.core.model.Schedule;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.announcement.AnnouncementDraft;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.db.Rows;

/**
 * The airings of alerts after their first (ADR 0051): at each tick it looks at the alerts with airings left and, as
 * {@link AlertRepeat} decides, airs the last airing again as a new EMERGENCY announcement (its own delivery record) or
 * ends the series. The series lives in the database ({@code alert.repeat_left}), so it survives a restart, and each
 * airing is claimed by a compare-and-set, so cluster members never air one twice.
 *
 * <p>Blocking (JDBC): {@link AlertBackground} runs {@link #tick} on a worker.
 */
public final class AlertRepeats {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRepeats.class);

    private final Jdbi jdbi;
    private final AnnouncementService announcements;
    private final AlertBanners banners;
    private final Clock clock;

    public AlertRepeats(Jdbi jdbi, AnnouncementService announcements, AlertBanners banners, Clock clock) {
        this.jdbi = jdbi;
        this.announcements = announcements;
        this.banners = banners;
        this.clock = clock;
    }

    private record Series(long id, Instant expires, int left, Duration pause, String unitPath, int airing) {
    }

    /** One look at every open series. */
    public void tick() {
        List<Series> open = jdbi.withHandle(h -> h.createQuery("SELECT a.id, a.expires, a.repeat_left, "
                        + "a.repeat_pause_seconds, a.unit_path, (SELECT MAX(l.airing) FROM alert_announcement l "
                        + "WHERE l.alert_id = a.id) AS airing FROM alert a WHERE a.repeat_left > 0")
                .map((rs, ctx) -> new Series(rs.getLong("id"), rs.getObject("expires") == null ? null
                        : Rows.instant(rs, "expires"), rs.getInt("repeat_left"),
                        Duration.ofSeconds(rs.getInt("repeat_pause_seconds")), rs.getString("unit_path"),
                        rs.getInt("airing")))
                .list());
        for (Series s : open) {
            List<Announcement> last = jdbi.withHandle(h -> h.createQuery("SELECT announcement_id FROM "
                            + "alert_announcement WHERE alert_id = :a AND airing = :n ORDER BY announcement_id")
                    .bind("a", s.id()).bind("n", s.airing()).mapTo(Long.class).list()).stream()
                    .map(id -> announcements.find(id).orElse(null)).filter(java.util.Objects::nonNull).toList();
            if (last.isEmpty()) {
                stop(s.id(), "no airing");
                continue;
            }
            Instant now = clock.instant();
            AnnouncementState state = state(last);
            Instant ended = last.stream().map(Announcement::updatedAt).max(Instant::compareTo).orElseThrow();
            switch (AlertRepeat.decide(now, s.left(), s.expires(), s.pause(), state, ended)) {
                case STOP -> stop(s.id(), state + (s.expires() != null && !now.isBefore(s.expires())
                        ? ", expired" : ""));
                case AIR -> airAgain(s, last);
                case WAIT -> {
                }
            }
        }
    }

    /** The state of an airing of several parts: cancelled if any was, on air while any is not final, else done. */
    private static AnnouncementState state(List<Announcement> parts) {
        if (parts.stream().anyMatch(a -> a.state() == AnnouncementState.CANCELLED)) {
            return AnnouncementState.CANCELLED;
        }
        return parts.stream().allMatch(a -> a.state().isFinal()) ? AnnouncementState.DONE : AnnouncementState.ON_AIR;
    }

    private void airAgain(Series s, List<Announcement> last) {
        boolean claimed = jdbi.withHandle(h -> h.createUpdate("UPDATE alert SET repeat_left = repeat_left - 1 "
                + "WHERE id = :id AND repeat_left = :left").bind("id", s.id()).bind("left", s.left()).execute()) == 1;
        if (!claimed) {
            return;
        }
        String[] parts = s.unitPath().split("/");
        Caller caller = new Caller(last.get(0).createdBy(), Role.APPROVER, parts[parts.length - 1], s.unitPath(),
                "loa:alert-repeat");
        try {
            // The same parts (languages, groups of zones) in the same order, each its own announcement.
            List<Announcement> next = new java.util.ArrayList<>();
            for (Announcement a : last) {
                next.add(announcements.create(caller, new AnnouncementDraft(a.title(), a.text(), null, null, a.zones(),
                        Priority.EMERGENCY, a.voice(), a.repeat(), a.chime(), new Schedule(null, null, null))));
            }
            jdbi.useTransaction(h -> next.forEach(a -> h.createUpdate("INSERT INTO alert_announcement (alert_id, "
                    + "announcement_id, airing) VALUES (:a, :n, :k)").bind("a", s.id()).bind("n", a.id())
                    .bind("k", s.airing() + 1).execute()));
            // A later airing is the same alert: the boards keep its one banner, with the alert's end.
            banners.covers(next.stream().map(Announcement::id).toList());
            next.forEach(a -> announcements.broadcast(caller, a.id()));
            LOG.info("alert {}: airing {} as announcements {} ({} more to come)", s.id(), s.airing() + 1,
                    next.stream().map(Announcement::id).toList(), s.left() - 1);
        } catch (RuntimeException e) {
            // A refusal now (a zone deleted, a user removed) would refuse every second: the series ends.
            LOG.warn("alert {}: cannot air again, series ended: {}", s.id(), e.toString());
            stop(s.id(), "refused");
        }
    }

    private void stop(long id, String why) {
        if (jdbi.withHandle(h -> h.createUpdate("UPDATE alert SET repeat_left = 0 WHERE id = :id AND repeat_left > 0")
                .bind("id", id).execute()) > 0) {
            LOG.info("alert {}: airings ended ({})", id, why);
        }
    }
}
