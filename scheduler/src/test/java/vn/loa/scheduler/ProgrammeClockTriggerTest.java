package vn.loa.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartz.spi.OperableTrigger;

/**
 * Quartz fires a repeating item first exactly where the programme grid says it will: at the first cron time at or after
 * the notice's start, never a moment before it (Quartz counts a cron trigger's first fire from a second before its
 * start time).
 */
class ProgrammeClockTriggerTest {

    private static Instant firstFire(Recurrence r) {
        OperableTrigger trigger = (OperableTrigger) ProgrammeClock.trigger("announcement-1", r);
        return trigger.computeFirstFireTime(null).toInstant();
    }

    @Test
    void aStartJustAfterACronMarkWaitsForTheNextMark() {
        Instant at = Instant.parse("2026-12-07T03:39:50.400Z");
        Recurrence r = new Recurrence(at, "0/10 * * * * ?", at.plusSeconds(20));

        assertThat(firstFire(r)).isEqualTo(Instant.parse("2026-12-07T03:40:00Z"))
                .isEqualTo(r.nextAfter(at.minusMillis(1)).orElseThrow());
    }

    @Test
    void aStartOnAMarkOrJustBeforeOneFiresOnThatMark() {
        for (String start : new String[] {"2026-12-07T03:39:50Z", "2026-12-07T03:39:49.600Z"}) {
            Instant at = Instant.parse(start);
            Recurrence r = new Recurrence(at, "0/10 * * * * ?", at.plusSeconds(20));
            assertThat(firstFire(r)).as(start).isEqualTo(Instant.parse("2026-12-07T03:39:50Z"))
                    .isEqualTo(r.nextAfter(at.minusMillis(1)).orElseThrow());
        }
    }
}
