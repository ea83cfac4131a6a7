package vn.loa.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

class QuietWindowTest {

    @Test
    void nightWindowSpansMidnight() {
        QuietHours.Window night = QuietHours.parse("22:00", "05:00");

        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(2, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(5, 0))).as("the end is not quiet").isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(22, 0))).as("the start is quiet").isTrue();
    }

    @Test
    void middayWindowIsOneStretch() {
        QuietHours.Window siesta = QuietHours.parse("11:30", "13:30");

        assertThat(siesta.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(siesta.contains(LocalTime.of(14, 0))).isFalse();
    }

    @Test
    void badTimesAreRefused() {
        assertThatThrownBy(() -> QuietHours.parse("25:00", "05:00")).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> QuietHours.parse("22:00", null)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> QuietHours.parse("05:00", "05:00")).isInstanceOf(Refusal.class);
    }
}
