package vn.loa.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static Instant vn(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @Test
    void dailyRuleAirsAtTheVietnameseHourNotTheUtcOne() {
        Recurrence daily = new Recurrence(null, "0 30 6 * * ?", null);

        assertThat(daily.between(vn("2026-12-01T00:00:00"), vn("2026-12-03T00:00:00"), 10))
                .containsExactly(vn("2026-12-01T06:30:00"), vn("2026-12-02T06:30:00"));
    }

    @Test
    void weeklyRuleStartsAtItsStartDateAndStopsAtItsEnd() {
        Recurrence mondays = new Recurrence(vn("2026-12-02T00:00:00"), "0 0 17 ? * MON", vn("2026-12-20T00:00:00"));

        assertThat(mondays.between(vn("2026-11-01T00:00:00"), vn("2027-01-01T00:00:00"), 10))
                .containsExactly(vn("2026-12-07T17:00:00"), vn("2026-12-14T17:00:00"));
    }

    @Test
    void oneOffItemHasOneAiringAndNoneAfterIt() {
        Recurrence once = new Recurrence(vn("2026-12-01T07:00:00"), null, null);

        assertThat(once.nextAfter(vn("2026-12-01T06:00:00"))).contains(vn("2026-12-01T07:00:00"));
        assertThat(once.nextAfter(vn("2026-12-01T07:00:00"))).isEmpty();
    }

    @Test
    void badCronRuleIsExplainedInVietnamese() {
        assertThat(Recurrence.problemWith("mỗi sáng")).get().asString().contains("không hợp lệ");
        assertThat(Recurrence.problemWith("0 0 6 * * ?")).isEmpty();
    }
}
