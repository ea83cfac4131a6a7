package vn.loa.display.lunar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LunarCalendarTest {

    private final LunarCalendar calendar = new LunarCalendar();

    /** Tết (1/1) of years whose dates Vietnam's calendars print, including 1985 and 2007 where China's differs. */
    @ParameterizedTest
    @CsvSource({
        "1985-01-21, 1985", // China: 20 Feb 1985 (month 11 fell differently at UTC+8)
        "2007-02-17, 2007", // China: 18 Feb 2007 (the new moon was 23:14 in Hà Nội, 00:14 in Beijing)
        "2017-01-28, 2017",
        "2020-01-25, 2020",
        "2021-02-12, 2021",
        "2022-02-01, 2022",
        "2023-01-22, 2023",
        "2024-02-10, 2024",
        "2025-01-29, 2025",
        "2026-02-17, 2026",
    })
    void tetIsTheFirstDayOfTheFirstMonth(LocalDate tet, int year) {
        assertEquals(new LunarDate(1, 1, year, false), calendar.of(tet));
        LunarDate eve = calendar.of(tet.minusDays(1));
        assertEquals(12, eve.month(), "the eve of Tết is in month 12");
        assertEquals(year - 1, eve.year());
    }

    @Test
    void leapSecondMonthOf2023() {
        assertEquals(new LunarDate(1, 2, 2023, false), calendar.of(LocalDate.of(2023, 2, 20)));
        assertEquals(new LunarDate(30, 2, 2023, false), calendar.of(LocalDate.of(2023, 3, 21)));
        assertEquals(new LunarDate(1, 2, 2023, true), calendar.of(LocalDate.of(2023, 3, 22)));
        assertEquals(new LunarDate(1, 3, 2023, false), calendar.of(LocalDate.of(2023, 4, 20)));
    }

    @Test
    void leapMonthsOf2020And2025() {
        assertEquals(new LunarDate(1, 4, 2020, true), calendar.of(LocalDate.of(2020, 5, 23)));
        assertEquals(new LunarDate(1, 6, 2025, true), calendar.of(LocalDate.of(2025, 7, 25)));
    }

    @Test
    void monthsElevenAndTwelveBelongToTheYearBeforeTet() {
        // 7 Dec 2026 is the 29th of month 10 of Bính Ngọ in Vietnam's printed calendars.
        LunarDate d = calendar.of(LocalDate.of(2026, 12, 7));
        assertEquals(2026, d.year());
        assertEquals("Bính Ngọ", d.yearName());
        assertEquals(new LunarDate(15, 8, 2024, false), calendar.of(LocalDate.of(2024, 9, 17))); // Tết Trung thu
    }

    @Test
    void yearNamesFollowTheSixtyYearCycle() {
        assertEquals("Giáp Thìn", new LunarDate(1, 1, 2024, false).yearName());
        assertEquals("Ất Tỵ", new LunarDate(1, 1, 2025, false).yearName());
        assertEquals("Ất Sửu", new LunarDate(1, 1, 1985, false).yearName());
        assertEquals("5/2 nhuận Quý Mão", new LunarDate(5, 2, 2023, true).display());
    }
}
