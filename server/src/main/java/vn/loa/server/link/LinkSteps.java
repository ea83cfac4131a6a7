package vn.loa.server.link;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.refusal.Refusal;

/**
 * Takes the bulletins received from above to the state the link wants them in, through the announcement lifecycle
 * like any person's step: thông thường to APPROVED (or SUBMITTED), ưu tiên and khẩn cấp on to the air, a cancelled
 * one to CANCELLED, a ưu tiên one the upstream moved to its new time. Each step is its own transaction; what a
 * crash cut short is taken again at the next run (at start and after every poll), and a step the lifecycle refuses
 * (the commune cancelled it first) is not retried. Blocking.
 */
final class LinkSteps {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSteps.class);

    private final Jdbi jdbi;
    private final AnnouncementService announcements;
    private final Upstream upstream;

    LinkSteps(Jdbi jdbi, AnnouncementService announcements, Upstream upstream) {
        this.jdbi = jdbi;
        this.announcements = announcements;
        this.upstream = upstream;
    }

    /** @param wantedAt the time the upstream moved a ưu tiên bulletin to; null when it never did */
    private record Unsettled(long origin, long id, String author, String wanted, java.time.Instant wantedAt) {
    }

    synchronized void run() {
        UpstreamLink link = upstream.current().orElse(null);
        if (link == null) {
            return;
        }
        List<Unsettled> rows = jdbi.withHandle(h -> h.createQuery("SELECT origin_id, announcement_id, origin_author, "
                        + "wanted, wanted_at FROM link_received WHERE settled = FALSE AND announcement_id IS NOT NULL "
                        + "ORDER BY received_at, origin_id")
                .map((rs, ctx) -> new Unsettled(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5) == null ? null : vn.loa.server.db.Rows.instant(rs, "wanted_at")))
                .list());
        for (Unsettled row : rows) {
            try {
                step(link, row);
            } catch (Refusal r) {
                LOG.warn("bulletin {} from {} (announcement {}): {} refused: {}", row.origin, link.upstreamId(), row.id,
                        row.wanted, r.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("bulletin {} (announcement {}): will try again: {}", row.origin, row.id, e.toString());
                continue;
            }
            // Settled only if nothing new came meanwhile (a cancel or another time from above waits for the next run).
            jdbi.useHandle(h -> h.createUpdate("UPDATE link_received SET settled = TRUE WHERE origin_id = :o AND "
                            + "wanted = :w AND " + (row.wantedAt == null ? "wanted_at IS NULL" : "wanted_at = :at"))
                    .bind("o", row.origin).bind("w", row.wanted)
                    .bindMap(row.wantedAt == null ? java.util.Map.of()
                            : java.util.Map.of("at", vn.loa.server.db.Rows.utc(row.wantedAt))).execute());
        }
    }

    private void step(UpstreamLink link, Unsettled row) {
        var author = jdbi.withHandle(h -> LinkCallers.author(link, row.author, h));
        var above = jdbi.withHandle(h -> LinkCallers.upstream(link, h));
        AnnouncementState wanted = AnnouncementState.valueOf(row.wanted);
        Announcement a = announcements.find(row.id).orElseThrow();
        if (wanted == AnnouncementState.CANCELLED) {
            if (a.state().canMoveTo(AnnouncementState.CANCELLED)) {
                announcements.cancel(above, row.id, "cấp trên (" + link.upstreamId() + ") hủy bản tin");
            }
            return;
        }
        if (a.state() == AnnouncementState.DRAFT) {
            a = announcements.submit(author, row.id);
        }
        if (a.state() == AnnouncementState.SUBMITTED && wanted != AnnouncementState.SUBMITTED) {
            a = announcements.approve(above, row.id);
        }
        if (a.state() == AnnouncementState.APPROVED && wanted == AnnouncementState.SCHEDULED) {
            a = announcements.broadcast(above, row.id);
        }
        boolean waiting = a.state() == AnnouncementState.APPROVED || a.state() == AnnouncementState.SCHEDULED;
        if (row.wantedAt != null && waiting && !row.wantedAt.equals(a.schedule().at())) {
            announcements.reschedule(above, row.id, row.wantedAt);
        }
    }
}
