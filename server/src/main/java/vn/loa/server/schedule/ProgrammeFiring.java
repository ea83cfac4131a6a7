package vn.loa.server.schedule;

import java.time.Instant;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.core.model.Announcement;
import vn.loa.core.model.AnnouncementState;
import vn.loa.scheduler.Firing;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.announcement.LoaStep;

/**
 * The service behind the programme clock's job: records each due airing once, then hands a waiting announcement to the
 * air. An airing recorded before (the same announcement and due time) is never handed over again.
 */
final class ProgrammeFiring implements Firing {

    private static final Logger LOG = LoggerFactory.getLogger(ProgrammeFiring.class);

    private final Jdbi jdbi;
    private final LoaSteps lifecycle;
    private final Consumer<Announcement> air;
    private final QuietHours quiet;
    private final FiringRepository firings = new FiringRepository();
    private final Firing sessions;

    /** @param sessions fires the sessions of programme templates: the clock's items named {@code session:<id>} */
    ProgrammeFiring(Jdbi jdbi, LoaSteps lifecycle, QuietHours quiet, Consumer<Announcement> air, Firing sessions) {
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.quiet = quiet;
        this.lifecycle = lifecycle;
        this.air = air;
    }

    /** The programme clock's name for an announcement. */
    static String item(long announcementId) {
        return String.valueOf(announcementId);
    }

    @Override
    public void fire(String item, Instant due, Instant firedAt) {
        if (item.startsWith(vn.loa.server.programme.SessionFiring.PREFIX)) {
            sessions.fire(item, due, firedAt);
            return;
        }
        long id = Long.parseLong(item);
        Announcement a = lifecycle.find(id).orElse(null);
        if (a == null) {
            return;
        }
        if (a.state() != AnnouncementState.SCHEDULED) {
            jdbi.useHandle(h -> firings.record(h, id, due, firedAt, FiringOutcome.SKIPPED,
                    "tin đang ở trạng thái " + a.state() + " / not waiting to air"));
            return;
        }
        var quietNow = quiet.refusal(a, firedAt);
        if (quietNow.isPresent()) {
            jdbi.useHandle(h -> firings.record(h, id, due, firedAt, FiringOutcome.SKIPPED, quietNow.get()));
            if (a.schedule().cron() == null) {
                lifecycle.advance(id, LoaStep.FAILS_WAITING, quietNow.get());
            }
            return;
        }
        if (!jdbi.withHandle(h -> firings.record(h, id, due, firedAt, FiringOutcome.FIRED, null))) {
            LOG.info("announcement {} due at {} already fired; not airing it again", id, due);
            return;
        }
        air.accept(a);
    }

    @Override
    public void missed(String item, Instant due) {
        if (item.startsWith(vn.loa.server.programme.SessionFiring.PREFIX)) {
            sessions.missed(item, due);
            return;
        }
        long id = Long.parseLong(item);
        Announcement a = lifecycle.find(id).orElse(null);
        if (a == null) {
            return;
        }
        String reason = "bỏ lỡ giờ phát " + due.atZone(vn.loa.scheduler.Recurrence.STATION_ZONE).toLocalDateTime()
                + " vì máy chủ ngừng quá lâu / missed: the server was down past the late limit";
        jdbi.useHandle(h -> firings.record(h, id, due, null, FiringOutcome.MISSED, reason));
        LOG.warn("announcement {}: {}", id, reason);
        if (a.schedule().cron() == null) {
            lifecycle.advance(id, LoaStep.FAILS_WAITING, reason);
        }
    }
}
