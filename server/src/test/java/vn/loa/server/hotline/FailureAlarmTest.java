package vn.loa.server.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.MovableClock;

class FailureAlarmTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T03:00:00Z"));
    private final FailureAlarm alarm = new FailureAlarm(3, clock);

    @Test
    void theThirdFailureWithinTheWindowRaisesOneAlarmForItsKeyOnly() {
        assertThat(alarm.failed("number:1")).isFalse();
        assertThat(alarm.failed("number:1")).isFalse();
        assertThat(alarm.failed("address:10.0.0.9")).isFalse();
        assertThat(alarm.failed("number:1")).isTrue();
        assertThat(alarm.failed("number:1")).as("once per window").isFalse();
    }

    @Test
    void failuresSpreadWiderThanTheWindowRaiseNothingAndTheAlarmComesAgainNextWindow() {
        alarm.failed("number:2");
        alarm.failed("number:2");
        clock.advance(FailureAlarm.WINDOW.plusSeconds(1));
        assertThat(alarm.failed("number:2")).isFalse();
        alarm.failed("number:2");
        assertThat(alarm.failed("number:2")).isTrue();
        clock.advance(FailureAlarm.WINDOW.plus(Duration.ofSeconds(1)));
        alarm.failed("number:2");
        alarm.failed("number:2");
        assertThat(alarm.failed("number:2")).isTrue();
    }
}
