package vn.loa.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class QuietWindowTest {

    @Test
    void nightWindowSpansMidnight() {
        QuietWindow night = QuietWindow.parse("22:00", "05:00").orElseThrow();

        assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
        assertThat(night.contains(LocalTime.of(2, 0))).isTrue();
        assertThat(night.contains(LocalTime.of(5, 0))).as("the end is not quiet").isFalse();
        assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
        assertThat(night.contains(LocalTime.of(22, 0))).as("the start is quiet").isTrue();
    }

    @Test
    void middayWindowIsOneStretch() {
        QuietWindow siesta = QuietWindow.parse("11:30", "13:30").orElseThrow();

        assertThat(siesta.contains(LocalTime.of(12, 0))).isTrue();
        assertThat(siesta.contains(LocalTime.of(14, 0))).isFalse();
    }

    @Test
    void anInstantIsReadOnTheStationsClockNotUtc() {
        QuietWindow night = QuietWindow.parse("22:00", "05:00").orElseThrow();

        // 16:00 UTC is 23:00 in Vietnam: quiet; 10:00 UTC is 17:00: not.
        assertThat(night.contains(OffsetDateTime.parse("2026-12-07T16:00:00Z").toInstant())).isTrue();
        assertThat(night.contains(OffsetDateTime.parse("2026-12-07T10:00:00Z").toInstant())).isFalse();
    }

    @Test
    void storedMinutesComeBackAsTheSameWindow() {
        QuietWindow w = QuietWindow.ofMinutes(22 * 60, 5 * 60 + 30);

        assertThat(w).isEqualTo(QuietWindow.parse("22:00", "05:30").orElseThrow());
        assertThat(w.startMinute()).isEqualTo(1320);
        assertThat(w.endMinute()).isEqualTo(330);
        assertThat(w).hasToString("22:00–05:30");
    }

    @Test
    void malformedMissingOrEmptyWindowsAreNone() {
        assertThat(QuietWindow.parse("25:00", "05:00")).isEmpty();
        assertThat(QuietWindow.parse("22:00", null)).isEmpty();
        assertThat(QuietWindow.parse("05:00", "05:00")).isEmpty();
    }
}
