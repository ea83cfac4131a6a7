package vn.loa.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.refusal.Refusal;
import vn.loa.server.testing.MovableClock;

class StepUpTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T01:00:00Z"));
    private final StepUp stepUp = new StepUp(clock, Duration.ofMinutes(15));

    private Caller leader(boolean enrolled, Instant provedAt) {
        return new Caller("chu-tich", Role.APPROVER, "xa-a", "/root/xa-a/", "10.0.0.1",
                new SecondFactor(null, enrolled, provedAt));
    }

    @Test
    void aProofWithinTheAgeIsEnough() {
        Caller caller = leader(true, clock.instant());
        clock.advance(Duration.ofMinutes(15));
        assertThatCode(() -> stepUp.require(caller)).doesNotThrowAnyException();
    }

    @Test
    void anOlderProofOrNoneAsksForACode() {
        Caller caller = leader(true, clock.instant());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThatThrownBy(() -> stepUp.require(caller)).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
            assertThat(e.code()).isEqualTo("step_up_required");
            assertThat(e.getMessage()).contains("phát tin khẩn cấp", "15 phút");
        });
        assertThatThrownBy(() -> stepUp.require(leader(true, null))).isInstanceOf(Refusal.class);
    }

    @Test
    void callersWithoutASecondFactorAreNotAsked() {
        assertThatCode(() -> stepUp.require(leader(false, null))).doesNotThrowAnyException();
        assertThatCode(() -> stepUp.require(new Caller("plugin:echo", Role.APPROVER, "xa-a", "/root/xa-a/", "plugin")))
                .doesNotThrowAnyException();
    }
}
