package vn.loa.server.auth;

import java.time.Clock;
import java.time.Duration;
import vn.loa.server.access.Caller;
import vn.loa.server.access.SecondFactor;
import vn.loa.server.refusal.Refusal;

/**
 * The step-up rule (ADR 0024): a user with a second factor whose session last proved a code more than
 * {@code stepup.max.age} ago must prove one again before an emergency goes on air. Callers without a second factor
 * (no authenticator, or the hotline and alert keys) pass. Thread-safe.
 */
public final class StepUp {

    private final Clock clock;
    private final Duration maxAge;

    public StepUp(Clock clock, Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** Refuses an emergency with 403 {@code step_up_required} when the caller's last proof is missing or too old. */
    public void require(Caller caller) {
        require(caller, "phát tin khẩn cấp");
    }

    /** Refuses with 403 {@code step_up_required} when the caller's last proof is missing or too old; {@code what} they do. */
    public void require(Caller caller, String what) {
        SecondFactor f = caller.factor();
        if (f.enrolled() && (f.provedAt() == null || f.provedAt().plus(maxAge).isBefore(clock.instant()))) {
            throw new Refusal(Refusal.Kind.FORBIDDEN,
                    "step_up_required", "Để " + what + ", hãy nhập mã xác thực 6 chữ số trong "
                    + "ứng dụng xác thực (lần xác thực gần nhất đã quá " + maxAge.toMinutes() + " phút).");
        }
    }
}
