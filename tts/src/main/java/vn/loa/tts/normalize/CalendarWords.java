package vn.loa.tts.normalize;

/**
 * Spoken names of days and months as a commune announcer says them.
 *
 * <p>Immutable. Solar months are "tháng một" to "tháng mười hai", with "tháng tư" for April (never "tháng bốn").
 * Lunar months, marked "âm lịch" or "ÂL" in the text, use "tháng giêng" for the first and "tháng chạp" for the
 * twelfth, which is how the lunar calendar is always spoken; "tháng một" for January follows VTV and VOV.
 */
final class CalendarWords {

    private final NumberReader numbers;
    private final ReadingStyle style;

    CalendarWords(NumberReader numbers, ReadingStyle style) {
        this.numbers = numbers;
        this.style = style;
    }

    String month(int month, boolean lunar) {
        if (lunar && month == 1) {
            return "giêng";
        }
        if (lunar && month == 12) {
            return "chạp";
        }
        return month == 4 ? "tư" : numbers.cardinal(month);
    }

    /** The day of the month, with "mồng"/"mùng" before 1 to 10 where the style asks for it. */
    String day(int day) {
        String number = numbers.cardinal(day);
        return day <= 10 && !style.earlyDay().isEmpty() ? style.earlyDay() + " " + number : number;
    }

    String year(String digits) {
        return numbers.cardinal(digits);
    }

    static boolean isDay(int d) {
        return d >= 1 && d <= 31;
    }

    static boolean isMonth(int m) {
        return m >= 1 && m <= 12;
    }

    static boolean isYear(int y) {
        return y >= 1900 && y <= 2199;
    }
}
