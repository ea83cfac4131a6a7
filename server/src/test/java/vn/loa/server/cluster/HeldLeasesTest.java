package vn.loa.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeldLeasesTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final HeldLeases held = new HeldLeases(nanos::get, Duration.ofSeconds(3), Duration.ofMillis(500));

    @Test
    void aZoneIsSentOnlyUntilItsLeaseLessTheMarginCountedFromTheRequest() {
        held.granted("thon-a", 1, nanos.get());
        nanos.addAndGet(Duration.ofMillis(2_499).toNanos());
        assertThat(held.holds("thon-a")).isTrue();

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(held.holds("thon-a")).as("2.5 s after the request: before the database lets another take it")
                .isFalse();
        assertThat(held.holds("thon-b")).as("never held").isFalse();
    }

    @Test
    void aFrozenMemberThatWakesHoldsNothingBeforeItsRenewalReturns() {
        held.granted("thon-a", 7, nanos.get());
        nanos.addAndGet(Duration.ofSeconds(10).toNanos()); // SIGSTOP, then SIGCONT

        assertThat(held.holds("thon-a")).isFalse();
        assertThat(held.valid()).isEmpty();
        assertThat(held.all()).containsKey("thon-a"); // still to renew: the database decides whether it is lost
    }

    @Test
    void aRenewalExtendsAndALossForgets() {
        held.granted("thon-a", 3, nanos.get());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        held.granted("thon-a", 3, nanos.get());
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(held.holds("thon-a")).isTrue();

        held.lost("thon-a");
        assertThat(held.holds("thon-a")).isFalse();
        assertThat(held.all()).isEmpty();
    }
}
