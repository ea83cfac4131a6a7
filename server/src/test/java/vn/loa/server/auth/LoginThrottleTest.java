package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.server.testing.MovableClock;

class LoginThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T01:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, Duration.ofMinutes(5), 3, 10, 6);

    @Test
    void userIsRefusedFromOneAddressAfterTheLimitUntilTheWindowPasses() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("clerk", "10.0.0.1")).isZero();
        }
        assertThat(throttle.locked("clerk", "10.0.0.1")).isTrue();
        assertThat(throttle.admit("clerk", "10.0.0.1")).isEqualTo(300);

        clock.advance(Duration.ofSeconds(301));
        assertThat(throttle.admit("clerk", "10.0.0.1")).isZero();
    }

    @Test
    void theOwnerFromAnotherAddressIsNotLockedOut() {
        for (int i = 0; i < 3; i++) {
            throttle.admit("admin", "203.0.113.9");
        }
        assertThat(throttle.admit("admin", "203.0.113.9")).isPositive();

        assertThat(throttle.admit("admin", "10.0.0.1")).as("the real admin at the office").isZero();
        assertThat(throttle.locked("admin", "10.0.0.1")).isFalse();
    }

    @Test
    void addressIsRefusedWhenItGuessesManyNames() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.admit("user" + i, "10.0.0.9")).isZero();
        }
        assertThat(throttle.admit("someone-new", "10.0.0.9")).isPositive();
        assertThat(throttle.admit("someone-new", "10.0.0.8")).isZero();
    }

    @Test
    void successClearsTheUserFromThatAddressAndGivesTheAddressItsAttemptBack() {
        for (int i = 0; i < 2; i++) {
            throttle.admit("clerk", "10.0.0.1");
        }
        throttle.admit("clerk", "10.0.0.1");
        throttle.succeeded("clerk", "10.0.0.1");

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.admit("clerk", "10.0.0.1")).as("attempt " + i).isZero();
        }
    }

    @Test
    void guessingSpreadOverManyAddressesIsHeldBackButNotAtTheOwnersOwnAddress() {
        throttle.admit("admin", "10.0.0.1");
        throttle.succeeded("admin", "10.0.0.1");
        for (int i = 0; i < 6; i++) {
            assertThat(throttle.admit("admin", "198.51.100." + i)).as("guesser " + i).isZero();
        }

        assertThat(throttle.admit("admin", "198.51.100.77")).as("a seventh strange address").isPositive();
        assertThat(throttle.admit("admin", "10.0.0.1")).as("the owner's office").isZero();
    }

    @Test
    void aWithdrawnAttemptDoesNotCount() {
        for (int i = 0; i < 3; i++) {
            throttle.admit("clerk", "10.0.0.1");
            throttle.withdraw("clerk", "10.0.0.1");
        }
        assertThat(throttle.locked("clerk", "10.0.0.1")).isFalse();
    }

    @Test
    void parallelGuessesCannotPassTheLimit() throws Exception {
        int threads = 24;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        var start = new java.util.concurrent.CountDownLatch(1);
        var admitted = new java.util.concurrent.atomic.AtomicInteger();
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < threads; i++) {
            done.add(pool.submit(() -> {
                start.await();
                if (throttle.admit("admin", "203.0.113.9") == 0) {
                    admitted.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(admitted.get()).isEqualTo(3);
    }
}
