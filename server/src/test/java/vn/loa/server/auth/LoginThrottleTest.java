package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-28T01:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(5), 3, 10);

    @Test
    void userIsRefusedAfterTheLimitUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfterSeconds("clerk", "10.0.0.1")).isZero();
            throttle.recordFailure("clerk", "10.0.0.1");
        }
        assertThat(throttle.retryAfterSeconds("clerk", "10.0.0.1")).isEqualTo(300);
        assertThat(throttle.retryAfterSeconds("clerk", "10.0.0.2")).as("another address, same user").isPositive();

        clock.now = clock.now.plusSeconds(301);
        assertThat(throttle.retryAfterSeconds("clerk", "10.0.0.1")).isZero();
    }

    @Test
    void addressIsRefusedWhenItGuessesManyNames() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("user" + i, "10.0.0.9");
        }
        assertThat(throttle.retryAfterSeconds("someone-new", "10.0.0.9")).isPositive();
        assertThat(throttle.retryAfterSeconds("someone-new", "10.0.0.8")).isZero();
    }

    @Test
    void successClearsTheUserButNotTheAddress() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("clerk", "10.0.0.1");
        }
        throttle.recordSuccess("clerk");
        assertThat(throttle.retryAfterSeconds("clerk", "10.0.0.3")).isZero();
    }
}
