package vn.loa.hotline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InviteThrottleTest {

    private long nanos;
    private final InviteThrottle throttle = new InviteThrottle(5, () -> nanos);

    @Test
    void aBurstOfTwiceTheRatePassesThenOneAddressWaitsWhileOthersDoNot() {
        int passed = 0;
        for (int i = 0; i < 100; i++) {
            passed += throttle.allow("10.0.0.1") ? 1 : 0;
        }

        assertThat(passed).isEqualTo(10);
        assertThat(throttle.allow("10.0.0.2")).isTrue();
        nanos += 1_000_000_000L;
        assertThat(throttle.allow("10.0.0.1")).isTrue();
    }
}
