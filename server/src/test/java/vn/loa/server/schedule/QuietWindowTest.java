package vn.loa.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.loa.scheduler.QuietWindow;
import vn.loa.server.refusal.Refusal;

/** The adapter's side of quiet hours: the scheduler's rule reads the window, a bad one becomes a 400 refusal. */
class QuietWindowTest {

    @Test
    void aGoodWindowIsTheSchedulersWindow() {
        assertThat(QuietHours.parse("22:00", "05:00")).isEqualTo(QuietWindow.parse("22:00", "05:00").orElseThrow());
    }

    @Test
    void badTimesAreRefused() {
        for (String[] bad : new String[][] {{"25:00", "05:00"}, {"22:00", null}, {"05:00", "05:00"}}) {
            assertThatThrownBy(() -> QuietHours.parse(bad[0], bad[1])).isInstanceOfSatisfying(Refusal.class, e -> {
                assertThat(e.kind()).isEqualTo(Refusal.Kind.INVALID);
                assertThat(e.code()).isEqualTo("invalid_quiet_hours");
            });
        }
    }
}
