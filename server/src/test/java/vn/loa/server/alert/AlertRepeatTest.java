package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.loa.core.model.AnnouncementState.CANCELLED;
import static vn.loa.core.model.AnnouncementState.DONE;
import static vn.loa.core.model.AnnouncementState.FAILED;
import static vn.loa.core.model.AnnouncementState.ON_AIR;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.AnnouncementState;
import vn.loa.server.alert.AlertRepeat.Next;

/** The repeat rule on a fake clock: a series of airings, each taking its time, until airings run out or it expires. */
class AlertRepeatTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final Duration PAUSE = Duration.ofMinutes(10);

    /**
     * Plays a plan out on a clock that steps a minute at a time: each airing lasts two minutes; returns when each
     * airing started.
     */
    private static List<Instant> play(AlertPlan plan, Instant expires, Instant cancelledAt) {
        List<Instant> starts = new ArrayList<>(List.of(T0));
        int left = plan.airings() - 1;
        AnnouncementState last = ON_AIR;
        Instant ended = null;
        for (Instant now = T0; now.isBefore(T0.plus(Duration.ofHours(6))); now = now.plus(Duration.ofMinutes(1))) {
            Instant start = starts.get(starts.size() - 1);
            if (last == ON_AIR && !now.isBefore(start.plus(Duration.ofMinutes(2)))) {
                last = DONE;
                ended = now;
            }
            if (cancelledAt != null && !now.isBefore(cancelledAt)) {
                last = CANCELLED;
            }
            Next next = AlertRepeat.decide(now, left, expires, plan.pause(), last, ended);
            if (next == Next.STOP) {
                break;
            }
            if (next == Next.AIR) {
                starts.add(now);
                left--;
                last = ON_AIR;
            }
        }
        return starts;
    }

    @Test
    void anAlertAirsItsPlannedAiringsEachAPauseAfterTheLastEnded() {
        List<Instant> starts = play(new AlertPlan(null, "Extreme", true, 2, 3, PAUSE), null, null);

        assertThat(starts).containsExactly(T0, T0.plus(Duration.ofMinutes(12)), T0.plus(Duration.ofMinutes(24)));
    }

    @Test
    void expiryEndsTheSeriesBeforeItsAiringsRunOut() {
        List<Instant> starts = play(new AlertPlan(null, null, true, 1, 10, PAUSE), T0.plus(Duration.ofMinutes(30)),
                null);

        assertThat(starts).as("at 0, 12 and 24 min; the next would be due at 36, after the end")
                .containsExactly(T0, T0.plus(Duration.ofMinutes(12)), T0.plus(Duration.ofMinutes(24)));
    }

    @Test
    void aCancelledAiringEndsTheSeries() {
        List<Instant> starts = play(new AlertPlan(null, null, true, 1, 10, PAUSE), null,
                T0.plus(Duration.ofMinutes(13)));

        assertThat(starts).containsExactly(T0, T0.plus(Duration.ofMinutes(12)));
    }

    @Test
    void nothingAirsAgainWhileTheLastAiringIsStillOnAir() {
        assertThat(AlertRepeat.decide(T0.plus(Duration.ofHours(1)), 3, null, PAUSE, ON_AIR, T0)).isEqualTo(Next.WAIT);
        assertThat(AlertRepeat.decide(T0.plus(PAUSE), 3, null, PAUSE, FAILED, T0)).as("a failed airing is tried again")
                .isEqualTo(Next.AIR);
        assertThat(AlertRepeat.decide(T0.plus(PAUSE), 0, null, PAUSE, DONE, T0)).isEqualTo(Next.STOP);
        assertThat(AlertRepeat.decide(T0, 3, T0, PAUSE, ON_AIR, T0)).as("expired while on air").isEqualTo(Next.STOP);
    }

    @Test
    void theMostSpecificPlanWinsAndTheBuiltInOnesCoverEverySeverity() {
        AlertPlan anyFlood = new AlertPlan("Lũ quét", null, true, 1, 5, PAUSE);
        AlertPlan extremeFlood = new AlertPlan("lũ QUÉT", "Extreme", false, 3, 8, PAUSE);
        AlertPlan extreme = new AlertPlan(null, "Extreme", true, 2, 2, PAUSE);
        List<AlertPlan> plans = List.of(extreme, anyFlood, extremeFlood);

        assertThat(AlertPlan.best(plans, "Lũ quét", "Extreme")).isEqualTo(extremeFlood);
        assertThat(AlertPlan.best(plans, "Lũ quét", "Severe")).isEqualTo(anyFlood);
        assertThat(AlertPlan.best(plans, "Bão", "Extreme")).isEqualTo(extreme);
        assertThat(AlertPlan.best(plans, "Bão", "Minor")).isNull();
        for (String severity : new String[] {"Extreme", "Severe", "Moderate", "Minor", "Unknown", null}) {
            assertThat(AlertPlan.best(AlertPlan.BUILT_IN, "Bão", severity)).as(severity).isNotNull();
        }
        assertThat(AlertPlan.best(AlertPlan.BUILT_IN, "Bão", "Extreme").airings()).isEqualTo(3);
    }
}
