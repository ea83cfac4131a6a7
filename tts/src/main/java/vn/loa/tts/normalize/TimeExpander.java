package vn.loa.tts.normalize;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads clock times and time ranges: "7h30", "7g30", "08h00", "14:30", "14:30:15", "14h-16h30", "14-16h", and
 * "lúc 5g" (a bare "5g" elsewhere is five grams).
 *
 * <p>Stateless. Runs before the range rule so that "14h-16h30" is one range of times, not a number range. Minutes
 * of "00" are not said ("tám giờ"); other minutes are said with "phút" ("bảy giờ năm phút" for 7h05, as announcers
 * do rather than "không năm").
 */
final class TimeExpander implements TextRule {

    private static final String CLOCK = "(\\d{1,2})(?:([hHg])(\\d{2})?(?:'|p(?![\\p{L}])|\\s?phút)?|:(\\d{2})(?::(\\d{2}))?)";
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d.,:/])(?:(\\d{1,2})(?:([hHg])(\\d{2})?|:(\\d{2}))?\\s*[-–]\\s*)?" + CLOCK + "(?![\\p{L}\\d])");

    /** Words after which a bare "5g" is a time. */
    private static final Set<String> TIME_BEFORE = Set.of("lúc", "từ", "đến", "tới", "vào", "trước", "sau", "đúng",
            "hồi");
    private static final Pattern PART_OF_DAY = Pattern.compile("\\s*(sáng|trưa|chiều|tối|đêm|khuya|hôm|ngày|hằng|hàng)"
            + "(?![\\p{L}])");

    private final NumberReader numbers;

    TimeExpander(NumberReader numbers) {
        this.numbers = numbers;
    }

    /** "07 giờ 00": the hour written out with the word, and no minutes to say. */
    private static final Pattern ON_THE_HOUR = Pattern.compile("(?<=\\d\\s?giờ)\\s+00(?:\\s*phút)?(?![\\d\\p{L}])");

    @Override
    public String apply(String text) {
        return Rewriter.replace(TIME, ON_THE_HOUR.matcher(text).replaceAll(""), this::time);
    }

    private String time(Rewriter r) {
        String end = clock(r.group(5), r.group(7) != null ? r.group(7) : r.group(8), r.group(9));
        boolean endIsClock = r.group(6) != null || r.group(8) != null;
        if (end == null || !endIsClock || isGrams(r)) {
            return null;
        }
        if (r.group(1) == null) {
            return end;
        }
        boolean startIsClock = r.group(2) != null || r.group(4) != null;
        String start = startIsClock
                ? clock(r.group(1), r.group(3) != null ? r.group(3) : r.group(4), null)
                : hourOnly(r.group(1));
        return start == null ? null : start + " đến " + end;
    }

    /**
     * Whether a bare "5g" (no minutes) is a weight: "g" is both "giờ" and "gam", so it is a time only after a word
     * that introduces a time ("lúc", "từ", "đến", "vào", ...), before a part of the day ("sáng", "chiều", ...), or as
     * the end of a range whose start is a clock ("14g-16g"); otherwise the unit rule reads it as grams.
     */
    private static boolean isGrams(Rewriter r) {
        if (!"g".equals(r.group(6)) || r.group(7) != null) {
            return false;
        }
        boolean rangeOfClocks = r.group(2) != null || r.group(4) != null;
        return !rangeOfClocks && !TIME_BEFORE.contains(r.wordBefore()) && !PART_OF_DAY.matcher(r.textAfter(8)).lookingAt();
    }

    private String hourOnly(String hour) {
        int h = Integer.parseInt(hour);
        return h <= 24 ? numbers.cardinal(h) : null;
    }

    private String clock(String hour, String minutes, String seconds) {
        int h = Integer.parseInt(hour);
        int m = minutes == null ? 0 : Integer.parseInt(minutes);
        int s = seconds == null ? 0 : Integer.parseInt(seconds);
        if (h > 24 || m > 59 || s > 59) {
            return null;
        }
        StringBuilder spoken = new StringBuilder(numbers.cardinal(h)).append(" giờ");
        if (m > 0) {
            spoken.append(' ').append(numbers.cardinal(m)).append(" phút");
        }
        if (s > 0) {
            spoken.append(' ').append(numbers.cardinal(s)).append(" giây");
        }
        return spoken.toString();
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.TIME;
    }
}
