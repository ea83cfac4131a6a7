package vn.loa.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClashesTest {

    /** The fixed "now" of every case: 08:00 on 7 December 2026, Vietnam time. */
    private static final Instant NOW = vn("2026-12-07T08:00:00");

    private static Instant vn(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    private static Clashes.Slot<String> once(String name, String at, Duration length) {
        return new Clashes.Slot<>(name, new Recurrence(vn(at), null, null), length);
    }

    @Test
    void overlappingAiringsClashAndTouchingOnesDoNot() {
        var news = List.of(once("news", "2026-12-07T09:00:00", Duration.ofMinutes(10)));

        assertThat(Clashes.first(once("mine", "2026-12-07T09:05:00", Duration.ofMinutes(5)), news, NOW))
                .hasValueSatisfying(c -> {
                    assertThat(c.item()).isEqualTo("news");
                    assertThat(c.at()).isEqualTo(vn("2026-12-07T09:00:00"));
                    assertThat(c.length()).isEqualTo(Duration.ofMinutes(10));
                });
        assertThat(Clashes.first(once("mine", "2026-12-07T09:10:00", Duration.ofMinutes(5)), news, NOW)).isEmpty();
        assertThat(Clashes.first(once("mine", "2026-12-07T08:55:00", Duration.ofMinutes(5)), news, NOW)).isEmpty();
    }

    @Test
    void aNoticeOfUnknownLengthIsTakenToLastTwoMinutes() {
        var notice = List.of(once("notice", "2026-12-07T09:00:00", null));

        assertThat(Clashes.first(once("mine", "2026-12-07T09:01:59", Duration.ofMinutes(1)), notice, NOW)).isPresent();
        assertThat(Clashes.first(once("mine", "2026-12-07T09:02:00", Duration.ofMinutes(1)), notice, NOW)).isEmpty();
    }

    @Test
    void aDailyRuleClashesWithTheEarliestAiringItMeetsWithinTheHorizon() {
        var daily = List.of(new Clashes.Slot<>("morning", new Recurrence(null, "0 0 9 * * ?", null),
                Duration.ofMinutes(30)));

        assertThat(Clashes.first(once("mine", "2026-12-08T09:10:00", Duration.ofMinutes(5)), daily, NOW))
                .hasValueSatisfying(c -> assertThat(c.at()).isEqualTo(vn("2026-12-08T09:00:00")));
        assertThat(Clashes.first(once("mine", "2026-12-10T09:10:00", Duration.ofMinutes(5)), daily, NOW))
                .as("three days ahead is past the two-day horizon").isEmpty();
    }

    @Test
    void aOneOffAiringIsShiftedPastEachAiringItMeets() {
        var busy = List.of(once("a", "2026-12-07T09:00:00", Duration.ofMinutes(10)),
                once("b", "2026-12-07T09:10:00", Duration.ofMinutes(10)),
                once("c", "2026-12-07T09:30:00", Duration.ofMinutes(10)));

        assertThat(Clashes.shifted(vn("2026-12-07T09:05:00"), Duration.ofMinutes(5), busy, NOW))
                .contains(vn("2026-12-07T09:20:00"));
        assertThat(Clashes.shifted(vn("2026-12-07T08:30:00"), Duration.ofMinutes(5), busy, NOW))
                .as("already clear").contains(vn("2026-12-07T08:30:00"));
    }

    @Test
    void aTimeWithNoGapWithinTwentyTriesIsFull() {
        var fullDay = new java.util.ArrayList<Clashes.Slot<String>>();
        for (int i = 0; i < 30; i++) {
            fullDay.add(new Clashes.Slot<>("item " + i,
                    new Recurrence(vn("2026-12-07T09:00:00").plus(Duration.ofMinutes(5L * i)), null, null),
                    Duration.ofMinutes(5)));
        }

        assertThat(Clashes.shifted(vn("2026-12-07T09:00:00"), Duration.ofMinutes(5), fullDay, NOW)).isEmpty();
    }
}
