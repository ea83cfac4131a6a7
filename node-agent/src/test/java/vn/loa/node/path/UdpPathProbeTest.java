package vn.loa.node.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UdpPathProbeTest {

    private static final long SECOND = 1_000_000_000L;
    private final UdpPathProbe probe = new UdpPathProbe(Duration.ofSeconds(15), Duration.ofSeconds(2), 3);

    @Test
    void aKeepaliveGoesAtOnceThenEveryIntervalWhileTheServerAnswers() {
        long t = 0;
        long first = probe.tick(t);
        assertThat(first).isEqualTo(1);
        probe.answered(first, t + SECOND / 10);

        assertThat(probe.tick(t + 14 * SECOND)).isEqualTo(-1);
        assertThat(probe.tick(t + 15 * SECOND)).isEqualTo(2);
        probe.answered(2, t + 15 * SECOND + SECOND / 10);
        assertThat(probe.tick(t + 29 * SECOND)).isEqualTo(-1);
        assertThat(probe.route()).isEqualTo(UdpPathProbe.Route.UDP);
    }

    @Test
    void anUnansweredKeepaliveIsRetriedWithinSecondsNotAWholeIntervalLater() {
        probe.tick(0);

        assertThat(probe.tick(2 * SECOND)).isEqualTo(-1); // still within its time to be answered
        assertThat(probe.tick(2 * SECOND + 1)).isEqualTo(2); // counted lost, and retried at once
        assertThat(probe.route()).isEqualTo(UdpPathProbe.Route.UDP);
    }

    @Test
    void threeLostInARowTurnToTheChannelAndOneAnswerTurnsBack() {
        long t = loseThree();
        assertThat(probe.route()).isEqualTo(UdpPathProbe.Route.CHANNEL);

        // On the channel it keeps probing, once an interval, and the first answer brings UDP back.
        assertThat(probe.tick(t + SECOND)).isEqualTo(-1);
        long again = probe.tick(t + 15 * SECOND);
        assertThat(again).isPositive();
        probe.answered(again, t + 15 * SECOND + SECOND / 5);
        assertThat(probe.route()).isEqualTo(UdpPathProbe.Route.UDP);
    }

    @Test
    void aLostKeepaliveBetweenAnsweredOnesDoesNotLeaveUdp() {
        long t = 0;
        probe.answered(probe.tick(t), t + 1);
        t += 15 * SECOND;
        probe.tick(t);
        t += 2 * SECOND + 1;
        long retry = probe.tick(t);
        probe.answered(retry, t + 2);

        assertThat(probe.route()).isEqualTo(UdpPathProbe.Route.UDP);
    }

    @Test
    void aLateOrForeignAnswerChangesNothing() {
        long t = loseThree();
        probe.answered(99, t); // never sent

        assertThat(probe.route()).isEqualTo(UdpPathProbe.Route.CHANNEL);
    }

    /** The first keepalive and its two retries go unanswered; returns the time the third was counted lost. */
    private long loseThree() {
        long t = 0;
        assertThat(probe.tick(t)).isEqualTo(1);
        t += 2 * SECOND + 1;
        assertThat(probe.tick(t)).isEqualTo(2);
        t += 2 * SECOND + 1;
        assertThat(probe.tick(t)).isEqualTo(3);
        t += 2 * SECOND + 1;
        assertThat(probe.tick(t)).isEqualTo(-1); // the third lost: no quick retry once on the channel
        return t;
    }
}
