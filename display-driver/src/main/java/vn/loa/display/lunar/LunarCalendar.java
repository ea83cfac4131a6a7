package vn.loa.display.lunar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Converts solar dates to the Vietnamese lunar calendar by its astronomical rules, as Hồ Ngọc Đức sets them out
 * ("Thuật toán tính âm lịch", 2005), on positions from {@link Astronomy}:
 * <ol>
 * <li>a month begins on the day, in Vietnam's time (UTC+7, which is why a Tết can differ from China's), that holds
 * the new moon;</li>
 * <li>month 11 is the month holding the winter solstice (the Sun at 270°);</li>
 * <li>when 13 months lie between two months 11, the first of them after month 11 holding no major solar term (the Sun
 * crossing a multiple of 30°) is the leap month and takes the number of the month before it.</li>
 * </ol>
 * Stateless and thread-safe. Good for 1900–2100 (the range its tests and ΔT cover).
 */
public final class LunarCalendar {

    /** Vietnam's time since 1975 (the North's since 1968); the lunar calendar of Vietnam is reckoned in it. */
    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    /** The lunar date of a day in Vietnam. */
    public LunarDate of(LocalDate date) {
        long day = date.toEpochDay();
        long k = lunationOn(day);
        long monthStart = newMoonDay(k);
        int year = date.getYear();
        long a11 = month11(year);
        long b11;
        int lunarYear;
        if (a11 <= monthStart) {
            b11 = month11(year + 1);
            lunarYear = year + 1;
        } else {
            b11 = a11;
            a11 = month11(year - 1);
            lunarYear = year;
        }
        long k11 = lunationOn(a11);
        int diff = (int) (k - k11);
        int month = diff + 11;
        boolean leap = false;
        if (b11 - a11 > 365) {
            int leapDiff = leapMonthAfter(k11);
            if (diff >= leapDiff) {
                month = diff + 10;
                leap = diff == leapDiff;
            }
        }
        if (month > 12) {
            month -= 12;
        }
        if (month >= 11 && diff < 4) {
            lunarYear -= 1;
        }
        return new LunarDate((int) (day - monthStart) + 1, month, lunarYear, leap);
    }

    /** The first day of the month 11 of a solar year: the month holding that December's winter solstice. */
    long month11(int year) {
        long k = lunationOn(LocalDate.of(year, 12, 31).toEpochDay());
        long start = newMoonDay(k);
        return sunLongitudeAt(start) >= 270 ? newMoonDay(k - 1) : start;
    }

    /** How many months after month 11 (lunation {@code k11}) the leap month comes: the first without a major term. */
    int leapMonthAfter(long k11) {
        int term = majorTerm(newMoonDay(k11 + 1));
        for (int i = 1; i < 14; i++) {
            int next = majorTerm(newMoonDay(k11 + i + 1));
            if (next == term) {
                return i;
            }
            term = next;
        }
        throw new IllegalStateException("no month without a major term after lunation " + k11);
    }

    /** The number of the new moon that begins the lunar month holding a day (epoch day, Vietnam). */
    long lunationOn(long epochDay) {
        double jd = Astronomy.UNIX_EPOCH_JD + epochDay;
        long k = (long) Math.floor((jd - 2451550.09766) / Astronomy.SYNODIC_MONTH);
        while (newMoonDay(k + 1) <= epochDay) {
            k++;
        }
        while (newMoonDay(k) > epochDay) {
            k--;
        }
        return k;
    }

    /** The day (epoch day, Vietnam) holding new moon {@code k}. */
    static long newMoonDay(long k) {
        Instant at = Astronomy.instant(Astronomy.newMoon(k));
        return at.atOffset(VIETNAM).toLocalDate().toEpochDay();
    }

    /** The Sun's longitude at the start (00:00 in Vietnam) of a day. */
    static double sunLongitudeAt(long epochDay) {
        Instant midnight = LocalDate.ofEpochDay(epochDay).atTime(LocalTime.MIDNIGHT).toInstant(VIETNAM);
        return Astronomy.sunLongitude(Astronomy.julianDay(midnight));
    }

    /** Which 30° sector the Sun is in at the start of a day: a month whose both ends share it holds no major term. */
    private static int majorTerm(long epochDay) {
        return (int) (sunLongitudeAt(epochDay) / 30);
    }
}
