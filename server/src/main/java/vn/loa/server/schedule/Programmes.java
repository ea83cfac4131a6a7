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
import vn.loa.server.announcement.AirControl;
import vn.loa.server.announcement.AnnouncementService;
import vn.loa.server.announcement.LoaSteps;
import vn.loa.server.announcement.LoaStep;
import vn.loa.server.config.LoaConfig;

/**
 * Scheduled announcements, assembled: the programme clock on Loa's database, put in front of the air ({@link #air}),
 * and, once started, brought in step with the stored announcements (a plan lost to a crash between the broadcast and
 * the plan is made again; an announcement cut off by a restart is closed with the reason).
 */
public final class Programmes implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Programmes.class);

    private final Jdbi jdbi;
    private final LoaSteps lifecycle;
    private final ProgrammeFiring firing;
    private final ProgrammeClock programmes;
    private final ScheduledAir air;
    private final Conflicts conflicts;
    private final vn.loa.server.config.ProgrammeSettings settings;
    private final Clock clock;

    /**
     * Builds the programme clock in front of {@code onAir}; nothing fires before {@link #start}.
     *
     * @param sessions fires the sessions of programme templates (ADR 0053)
     */
    public Programmes(LoaConfig config, Jdbi jdbi, LoaSteps lifecycle, OnAir onAir, Relays relays, QuietHours quiet,
            vn.loa.scheduler.Firing sessions, Clock clock) {
        this.jdbi = jdbi;
        this.lifecycle = lifecycle;
        this.settings = config.programmes();
        this.clock = clock;
        this.firing = new ProgrammeFiring(jdbi, lifecycle, quiet, onAir::due, sessions);
        this.programmes = ProgrammeClock.open(new ClockSettings(config.dbUrl(),
                config.isPostgres() ? config.dbUser() : "", config.isPostgres() ? config.dbPassword() : "",
                settings.clustered(), settings.threads(), settings.lateLimit()), firing);
        this.air = new ScheduledAir(onAir, programmes, relays, quiet, lifecycle, clock);
        this.conflicts = new Conflicts(clock);
    }

    /** The way to the air with the programme clock in front, where the lifecycle hands what is broadcast. */
    public AirControl air() {
        return air;
    }

    /** The programme grid's check of scheduled drafts (conflicts with what is already planned). */
    public AnnouncementService.ProgrammeCheck conflicts() {
        return conflicts;
    }

    /**
     * Starts firing, once everything that hears of state changes is built: closes what a restart interrupted, starts
     * the clock and plans again what lost its plan.
     */
    public Programmes start() {
        if (!settings.clustered()) {
            // Alone, this server is the only one that could be airing: whatever was on air died with the last process.
            closeInterrupted(jdbi, lifecycle);
        }
        programmes.start();
        reconcile(jdbi, lifecycle, programmes, firing, settings.lateLimit(), clock.instant());
        return this;
    }

    private static void closeInterrupted(Jdbi jdbi, LoaSteps lifecycle) {
        jdbi.withHandle(h -> h.createQuery("SELECT id FROM announcement WHERE state = 'ON_AIR'").mapTo(Long.class)
                .list()).forEach(id -> lifecycle.advance(id, LoaStep.FAILS_ON_AIR,
                "máy chủ khởi động lại giữa lúc phát / interrupted by a server restart"));
    }

    private static void reconcile(Jdbi jdbi, LoaSteps lifecycle, ProgrammeClock programmes,
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
