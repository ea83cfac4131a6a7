package vn.loa.server.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.scheduler.ClockSettings;
import vn.loa.scheduler.ProgrammeClock;
import vn.loa.server.air.OnAir;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.LoaStep;
import vn.loa.server.config.LoaConfig;

/**
 * Scheduled announcements, assembled: the programme clock on Loa's database, put in front of the air, and brought in
 * step with the stored announcements at start-up (a plan lost to a crash between the broadcast and the plan is made
 * again; an announcement cut off by a restart is closed with the reason).
 */
public final class Programmes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Programmes.class);

    private final ProgrammeClock programmes;

    private Programmes(ProgrammeClock programmes) {
        this.programmes = programmes;
    }

    public static Programmes start(LoaConfig config, Jdbi jdbi, AnnouncementService lifecycle, OnAir onAir,
            vn.loa.server.audit.AuditLog audit, QuietHours quiet, Clock clock) {
        var settings = config.programmes();
        ProgrammeFiring firing = new ProgrammeFiring(jdbi, lifecycle, quiet, onAir::due);
        if (!settings.clustered()) {
            // Alone, this server is the only one that could be airing: whatever was on air died with the last process.
            closeInterrupted(jdbi, lifecycle);
        }
        ProgrammeClock programmes = ProgrammeClock.start(new ClockSettings(config.dbUrl(),
                config.isPostgres() ? config.dbUser() : "", config.isPostgres() ? config.dbPassword() : "",
                settings.clustered(), settings.threads(), settings.lateLimit()), firing);
        reconcile(jdbi, lifecycle, programmes, firing, settings.lateLimit(), clock.instant());
        Relays relays = new Relays(jdbi, lifecycle, audit, settings.relaySilenceLimit(), clock);
        onAir.relayWith(relays::start);
        lifecycle.checkProgrammesWith(new Conflicts(clock));
        lifecycle.airWith(new ScheduledAir(onAir, programmes, relays, quiet, lifecycle, clock));
        return new Programmes(programmes);
    }

    private static void closeInterrupted(Jdbi jdbi, AnnouncementService lifecycle) {
        jdbi.withHandle(h -> h.createQuery("SELECT id FROM announcement WHERE state = 'ON_AIR'").mapTo(Long.class)
                .list()).forEach(id -> lifecycle.advance(id, LoaStep.FAILS_ON_AIR,
                "máy chủ khởi động lại giữa lúc phát / interrupted by a server restart"));
    }

    private static void reconcile(Jdbi jdbi, AnnouncementService lifecycle, ProgrammeClock programmes,
            ProgrammeFiring firing, Duration lateLimit, Instant now) {
        Set<String> planned = programmes.plannedItems();
        FiringRepository firings = new FiringRepository();
        for (GridRepository.Item item : jdbi.withHandle(new GridRepository()::waiting)) {
            String name = ProgrammeFiring.item(item.id());
            if (planned.contains(name)) {
                continue;
            }
            var recurrence = item.recurrence();
            if (recurrence.isRepeating() || recurrence.at().isAfter(now)) {
                if (recurrence.nextAfter(now).isPresent()) {
                    LOG.info("announcement {} had no plan on the programme clock; planned again", item.id());
                    programmes.plan(name, recurrence);
                } else {
                    lifecycle.advance(item.id(), LoaStep.SERIES_ENDS,
                            "lịch phát đã kết thúc / the schedule has ended");
                }
            } else if (jdbi.withHandle(h -> firings.exists(h, item.id()))) {
                lifecycle.advance(item.id(), LoaStep.FAILS_WAITING,
                        "máy chủ dừng ngay khi đến giờ phát / the server stopped as it fired");
            } else if (Duration.between(recurrence.at(), now).compareTo(lateLimit) <= 0) {
                firing.fire(name, recurrence.at(), now);
            } else {
                firing.missed(name, recurrence.at());
            }
        }
    }

    /** The programme grid's reading side, for the routes. */
    public ProgrammeClock clock() {
        return programmes;
    }

    @Override
    public void close() {
        programmes.close();
    }
}
