package vn.loa.node.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), new SplittableRandom(7));

    @Test
    void doublesFromOneSecondToThirtyWithEachWaitInTheUpperHalfOfItsStep() {
        long[] bases = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (long base : bases) {
            assertThat(backoff.next().toMillis()).isBetween(base / 2, base);
        }
    }

    @Test
    void startsAgainFromOneSecondAfterAReset() {
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(500L, 1000L);
    }

    @Test
    void waitsNearTheCeilingAfterARefusalAndStaysThere() {
        assertThat(backoff.slow().toMillis()).isBetween(15_000L, 30_000L);
        assertThat(backoff.next().toMillis()).isBetween(15_000L, 30_000L);
    }

    @Test
    void nodesThatLostTheServerTogetherDoNotAllComeBackTogether() {
        long first = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(30), new SplittableRandom(1)).next().toMillis();
        boolean spread = false;
        for (int seed = 2; seed < 20 && !spread; seed++) {
            spread = new Backoff(Duration.ofSeconds(8), Duration.ofSeconds(30), new SplittableRandom(seed)).next()
                    .toMillis() != first;
        }
        assertThat(spread).isTrue();
    }

    @Test
    void refusesAFirstWaitAboveItsCeiling() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), new SplittableRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
