package vn.loa.server.schedule;

import java.time.Clock;
import vn.loa.core.model.Announcement;
import vn.loa.scheduler.ProgrammeClock;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.announcement.AirControl;
import vn.loa.server.announcement.LoaSteps;

/**
 * The way to the air with the programme clock in front: an announcement broadcast for a later time, or on a repeating
 * rule, is planned on the clock, which airs it through {@code OnAir.due} at its times; the air hears of every one.
 * Planning writes Quartz's rows, so it blocks
 * briefly on the database (the lifecycle calls it on a worker thread).
 */
final class ScheduledAir implements AirControl {

    private final AirControl air;
    private final ProgrammeClock programmes;
    private final Relays relays;
    private final QuietHours quiet;
    private final LoaSteps lifecycle;
    private final Clock clock;

    ScheduledAir(AirControl air, ProgrammeClock programmes, Relays relays, QuietHours quiet,
            LoaSteps lifecycle, Clock clock) {
        this.air = air;
        this.quiet = quiet;
        this.lifecycle = lifecycle;
        this.relays = relays;
        this.programmes = programmes;
        this.clock = clock;
    }

    static Recurrence recurrence(Announcement a) {
        return new Recurrence(a.schedule().at(), a.schedule().cron(), a.schedule().until());
    }

    @Override
    public void scheduled(Announcement announcement) {
        if (!announcement.schedule().isImmediate(clock.instant())) {
            Recurrence recurrence = recurrence(announcement);
            if (recurrence.nextAfter(clock.instant()).isEmpty()) {
                // Saved before rules were checked (or its time passed since): Quartz would refuse the plan.
                lifecycle.advance(announcement.id(), vn.loa.server.announcement.LoaStep.FAILS_WAITING,
                        "lịch phát không còn lần phát nào / the schedule has no airing left");
                return;
            }
            programmes.plan(ProgrammeFiring.item(announcement.id()), recurrence);
        } else {
            var refusal = quiet.refusal(announcement, clock.instant());
            if (refusal.isPresent()) {
                lifecycle.advance(announcement.id(), vn.loa.server.announcement.LoaStep.FAILS_WAITING,
                        refusal.get());
                return;
            }
        }
        // The air airs what is due now and may prepare what is due later (agents fetching it ahead).
        air.scheduled(announcement);
    }

    @Override
    public void cancelled(long announcementId) {
        programmes.unplan(ProgrammeFiring.item(announcementId));
        air.cancelled(announcementId);
        relays.stop(announcementId);
    }
}
