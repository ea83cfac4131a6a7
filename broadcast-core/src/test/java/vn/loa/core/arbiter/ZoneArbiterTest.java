package vn.loa.core.arbiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.DROPPED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.FINISHED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.PREEMPTED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.QUEUED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.RESTARTED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.RESUMED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.STARTED;
import static vn.loa.core.arbiter.ArbiterEvent.Kind.WITHDRAWN;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Priority;

class ZoneArbiterTest {

    private final List<ArbiterEvent> log = new ArrayList<>();
    private final SteppingInstantSource clock = new SteppingInstantSource(Instant.parse("2026-11-28T01:00:00Z"));
    private final ZoneArbiter zone = new ZoneArbiter("thon-dong", clock, log::add);

    private static final Claim MORNING_NEWS = new Claim("morning-news", Priority.SCHEDULED, PreemptionPolicy.RESUME);
    private static final Claim FLOOD_ALERT = new Claim("flood-alert", Priority.EMERGENCY, PreemptionPolicy.DROP);

    @Test
    void theFirstClaimInAnIdleZoneGoesOnAirAtOnce() {
        zone.submit(MORNING_NEWS);

        assertThat(zone.onAir()).contains(MORNING_NEWS);
        assertThat(kinds()).containsExactly(STARTED);
    }

    @Test
    void preemptedProgrammeResumesAfterEmergencyEnds() {
        zone.submit(MORNING_NEWS);
        zone.submit(FLOOD_ALERT);
        assertThat(zone.onAir()).contains(FLOOD_ALERT);

        zone.finished("flood-alert");

        assertThat(zone.onAir()).contains(MORNING_NEWS);
        assertThat(log).extracting(ArbiterEvent::kind, e -> e.claim().programmeId()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(STARTED, "morning-news"),
                org.assertj.core.groups.Tuple.tuple(PREEMPTED, "morning-news"),
                org.assertj.core.groups.Tuple.tuple(STARTED, "flood-alert"),
                org.assertj.core.groups.Tuple.tuple(FINISHED, "flood-alert"),
                org.assertj.core.groups.Tuple.tuple(RESUMED, "morning-news"));
        assertThat(log.get(1).cause()).isEqualTo(FLOOD_ALERT);
    }

    @Test
    void aNoticeWithTheRestartPolicyIsPlayedFromItsBeginningAfterPreemption() {
        Claim notice = new Claim("vaccination-notice", Priority.SCHEDULED, PreemptionPolicy.RESTART);
        zone.submit(notice);
        zone.submit(FLOOD_ALERT);

        zone.finished("flood-alert");

        assertThat(zone.onAir()).contains(notice);
        assertThat(kinds()).endsWith(FINISHED, RESTARTED);
    }

    @Test
    void aProgrammeWithTheDropPolicyGivesTheZoneUpForGood() {
        Claim timeSignal = new Claim("noon-signal", Priority.SCHEDULED, PreemptionPolicy.DROP);
        zone.submit(timeSignal);
        zone.submit(FLOOD_ALERT);

        zone.finished("flood-alert");

        assertThat(zone.onAir()).isEmpty();
        assertThat(kinds()).containsExactly(STARTED, PREEMPTED, DROPPED, STARTED, FINISHED);
    }

    @Test
    void aClaimOfEqualPriorityWaitsItsTurnInsteadOfCuttingIn() {
        Claim second = new Claim("market-prices", Priority.SCHEDULED, PreemptionPolicy.RESUME);
        zone.submit(MORNING_NEWS);
        zone.submit(second);

        assertThat(zone.onAir()).contains(MORNING_NEWS);
        assertThat(zone.waiting()).containsExactly(second);

        zone.finished("morning-news");
        assertThat(zone.onAir()).contains(second);
        assertThat(kinds()).containsExactly(STARTED, QUEUED, FINISHED, STARTED);
    }

    @Test
    void aRaisedClaimWaitsAheadOfEarlierOnesOfItsPriorityWithoutCuttingIn() {
        Claim ownNotice = new Claim("market-prices", Priority.SCHEDULED, PreemptionPolicy.RESTART);
        Claim fromProvince = new Claim("province-uu-tien", Priority.SCHEDULED, PreemptionPolicy.RESTART, true);
        Claim music = new Claim("music", Priority.BACKGROUND, PreemptionPolicy.RESUME, true);
        zone.submit(MORNING_NEWS);
        zone.submit(ownNotice);
        zone.submit(music);
        zone.submit(fromProvince);

        assertThat(zone.onAir()).as("raised is not a higher priority").contains(MORNING_NEWS);
        assertThat(zone.waiting()).containsExactly(fromProvince, ownNotice, music);
        zone.finished("morning-news");
        assertThat(zone.onAir()).contains(fromProvince);
    }

    @Test
    void theLadderIsEmergencyThenLiveThenScheduledThenBackground() {
        Claim music = new Claim("music", Priority.BACKGROUND, PreemptionPolicy.RESUME);
        Claim chairman = new Claim("chairman-live", Priority.LIVE, PreemptionPolicy.RESUME);
        zone.submit(music);
        zone.submit(MORNING_NEWS);
        zone.submit(chairman);
        zone.submit(FLOOD_ALERT);

        assertThat(zone.onAir()).contains(FLOOD_ALERT);
        assertThat(zone.waiting()).containsExactly(chairman, MORNING_NEWS, music);
    }

    @Test
    void aPreemptedProgrammeGoesBackBeforeLaterOnesOfItsPriority() {
        Claim later = new Claim("market-prices", Priority.SCHEDULED, PreemptionPolicy.RESUME);
        zone.submit(MORNING_NEWS);
        zone.submit(later);
        zone.submit(FLOOD_ALERT);

        assertThat(zone.waiting()).containsExactly(MORNING_NEWS, later);
    }

    @Test
    void withdrawingTheProgrammeOnAirPutsTheNextOneOnAir() {
        Claim music = new Claim("music", Priority.BACKGROUND, PreemptionPolicy.RESUME);
        zone.submit(MORNING_NEWS);
        zone.submit(music);

        zone.withdraw("morning-news");
        zone.withdraw("no-such-programme");

        assertThat(zone.onAir()).contains(music);
        assertThat(kinds()).containsExactly(STARTED, QUEUED, WITHDRAWN, STARTED);
    }

    @Test
    void everySwitchIsRecordedWithTheZoneAndTheTimeItHappened() {
        zone.submit(MORNING_NEWS);
        clock.advanceSeconds(90);
        zone.submit(FLOOD_ALERT);

        ArbiterEvent preempted = log.get(1);
        assertThat(preempted.zone()).isEqualTo("thon-dong");
        assertThat(preempted.at()).isEqualTo(Instant.parse("2026-11-28T01:01:30Z"));
    }

    @Test
    void aProgrammeCannotClaimTheSameZoneTwice() {
        zone.submit(MORNING_NEWS);

        assertThatThrownBy(() -> zone.submit(MORNING_NEWS)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyTheProgrammeOnAirCanFinish() {
        zone.submit(MORNING_NEWS);

        assertThatThrownBy(() -> zone.finished("flood-alert")).isInstanceOf(IllegalStateException.class);
    }

    private List<ArbiterEvent.Kind> kinds() {
        return log.stream().map(ArbiterEvent::kind).toList();
    }
}
