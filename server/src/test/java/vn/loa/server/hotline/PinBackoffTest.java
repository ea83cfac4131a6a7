package vn.loa.server.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PinBackoffTest {

    private final PinBackoff backoff = new PinBackoff(3, Duration.ofMinutes(1));

    @Test
    void wrongPinsBelowTheLimitAreNotBackedOff() {
        assertThat(backoff.after(1)).isEmpty();
        assertThat(backoff.after(2)).isEmpty();
    }

    @Test
    void theBackOffDoublesWithEachFurtherWrongPinUpToAnHour() {
        assertThat(backoff.after(3)).contains(Duration.ofMinutes(1));
        assertThat(backoff.after(4)).contains(Duration.ofMinutes(2));
        assertThat(backoff.after(6)).contains(Duration.ofMinutes(8));
        assertThat(backoff.after(9)).contains(Duration.ofHours(1));
        assertThat(backoff.after(500)).contains(Duration.ofHours(1));
    }
}
