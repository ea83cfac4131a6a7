package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads clock times and ranges in English notices: "7:30", "14:30", "7h30" (the Vietnamese way), "7am", "7:30 p.m.",
 * "14:00-16:30", "2-4pm".
 *
 * <p>Stateless. Vietnam writes the 24-hour clock, so "19:00" is said "seven in the evening"; a time up to 12 with no
 * am/pm is said as written ("seven thirty", "nine o'clock"). "12:00" is "noon" and "0:00" "midnight". In a range
 * the part of the day is said once: "two to four thirty in the afternoon".
 */
final class EnglishClockReader implements TextRule {

    private static final String SUFFIX = "(?:([aApP])\\.?[mM](?:\\.(?=\\s*[\\p{Ll}\\d,;:)])|(?!\\p{L})))";
    private static final String START = "(\\d{1,2})(?:(?::|h)(\\d{2})?)?\\s?" + SUFFIX + "?";
    private static final String END = "(\\d{1,2})(?:(:|h)(\\d{2})?)?\\s?" + SUFFIX + "?";
    private static final Pattern TIME = Pattern.compile("(?<![\\d.,:/])(?:" + START + "\\s*(?:[-–]|\\bto\\b)\\s*)?"
            + END + "(?![\\p{L}\\d:])");

    private final EnglishNumbers numbers;

    EnglishClockReader(EnglishNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(TIME, text, this::time);
    }

    private String time(Rewriter r) {
        boolean endIsClock = r.group(5) != null || r.group(7) != null;
        if (!endIsClock || (r.group(5) != null && r.group(5).equals("h") && r.group(6) == null
                && Integer.parseInt(r.group(4)) == 24)) {
            return null; // "24h" is a duration
        }
        Spoken end = clock(r.group(4), r.group(6), r.group(7), false);
        if (end == null) {
            return null;
        }
        if (r.group(1) == null) {
            return end.words();
        }
        String startSuffix = r.group(3) != null ? r.group(3) : r.group(7);
        // "7h-17h": the end is said with its part of the day, so the start is too ("seven in the morning to ...")
        Spoken start = clock(r.group(1), r.group(2), startSuffix, !end.period().isEmpty());
        if (start == null) {
            return null;
        }
        return start.period().equals(end.period()) && !end.period().isEmpty()
                ? start.time() + " to " + end.words()
                : start.words() + " to " + end.words();
    }

    /** The spoken time, or null when it is not a time of day (25:00, 7:75). */
    private Spoken clock(String hour, String minutes, String suffix, boolean as24) {
        int h = Integer.parseInt(hour);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        if (h > 24 || m > 59 || (suffix != null && (h == 0 || h > 12))) {
            return null;
        }
        if (suffix != null) {
            boolean pm = Character.toLowerCase(suffix.charAt(0)) == 'p';
            h = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h);
        } else if (h == 24) {
            h = 0;
        }
        boolean said24 = as24 || suffix != null || h == 0 || h > 12;
        if (m == 0 && h == 12) {
            return new Spoken("noon", "");
        }
        if (m == 0 && h == 0) {
            return new Spoken("midnight", "");
        }
        int twelve = h % 12 == 0 ? 12 : h % 12;
        String minuteWords = m == 0 ? "" : m < 10 ? " oh " + numbers.cardinal(m) : " " + numbers.cardinal(m);
        if (!said24) {
            return new Spoken(numbers.cardinal(twelve) + (m == 0 ? " o'clock" : minuteWords), "");
        }
        String period = h < 12 ? (h < 5 ? "at night" : "in the morning") : h < 18 ? "in the afternoon" : "in the evening";
        return new Spoken(numbers.cardinal(twelve) + minuteWords, period);
    }

    /** A time as said, and the part of the day said after it ("" when none). */
    private record Spoken(String time, String period) {

        String words() {
            return period.isEmpty() ? time : time + " " + period;
        }
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.TIME;
    }
}
