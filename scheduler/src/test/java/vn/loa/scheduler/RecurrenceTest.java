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

    @Test
    void aRuleThatNeverAirsOrAirsTooOftenIsExplainedNamingTheField() {
        Instant now = vn("2026-12-07T08:00:00");
        java.time.Duration minute = java.time.Duration.ofMinutes(1);

        assertThat(new Recurrence(null, "0 0 0 30 2 ?", null).problemFrom(now, minute)).hasValueSatisfying(
                p -> assertThat(p).contains("schedule.cron").contains("không có lần phát nào"));
        assertThat(new Recurrence(vn("2026-12-08T07:00:00"), "0 30 6 * * ?", vn("2026-12-09T06:00:00"))
                .problemFrom(now, minute)).hasValueSatisfying(p -> assertThat(p).contains("schedule.until"));
        assertThat(new Recurrence(null, "0/30 * * * * ?", null).problemFrom(now, minute)).hasValueSatisfying(
                p -> assertThat(p).contains("schedule.cron").contains("60 giây"));
        // Twice an hour at :00 and :01 is a minute apart: allowed at one minute, refused at two.
        assertThat(new Recurrence(null, "0 0,1 7 * * ?", null).problemFrom(now, minute)).isEmpty();
        assertThat(new Recurrence(null, "0 0,1 7 * * ?", null).problemFrom(now, minute.multipliedBy(2))).isPresent();
        // 29 February airs only in leap years: within the horizon, so accepted.
        assertThat(new Recurrence(null, "0 0 7 29 2 ?", null).problemFrom(now, minute)).isEmpty();
        assertThat(new Recurrence(vn("2026-12-08T07:00:00"), null, null).problemFrom(now, minute)).isEmpty();
    }
}
