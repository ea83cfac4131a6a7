package vn.loa.tts.normalize;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads dates in English notices: "28/11/2026" and "2/9" (day first, as Vietnam writes them), "2026-11-28",
 * "28 November 2026", "28th Nov", "November 28, 2026", "in November 2026"; and fractions ("2/3" is "two thirds").
 *
 * <p>Stateless. A day-first date is said "the twenty eighth of November twenty twenty six", a month-first one
 * "November twenty eighth twenty twenty six". A slash without a year is a date after a word that introduces one
 * ("on 2/9", "from", "until", ...), otherwise a fraction.
 */
final class EnglishDateReader implements TextRule {

    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    private static final Map<String, Integer> MONTH_NUMBERS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October|November"
            + "|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";
    private static final String ORDINAL_SUFFIX = "(?:st|nd|rd|th)?";

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.,/\\-])(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?(?![\\d/]|[.,]\\d)");
    private static final Pattern ISO = Pattern.compile("(?<![\\d\\-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d\\-])");
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?<![\\d.,])(\\d{1,2})" + ORDINAL_SUFFIX + "\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])");
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "(?<!\\p{L})" + MONTH + "\\s+(\\d{1,2})" + ORDINAL_SUFFIX + "(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d:])");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<!\\p{L})" + MONTH + ",?\\s+(\\d{4})(?!\\d)");
    /** "1/12 to 3/12/2026": the first date of a range takes its year from the second. */
    private static final Pattern DATE_WITH_YEAR_AFTER = Pattern.compile("\\s*(?:-|–|to|and|until)\\s*\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final Set<String> DATE_BEFORE = Set.of("on", "from", "to", "until", "till", "by", "before", "after",
            "since", "date", "day", "dated", "and", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    private final EnglishNumbers numbers;

    EnglishDateReader(EnglishNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(ISO, text, r -> dayFirst(r.group(3), month(r.group(2)), r.group(1)));
        out = Rewriter.replace(NUMERIC, out, this::numeric);
        out = Rewriter.replace(DAY_FIRST, out, r -> dayFirst(r.group(1), month(r.group(2)), r.group(3)));
        out = Rewriter.replace(MONTH_FIRST, out, r -> monthFirst(month(r.group(1)), r.group(2), r.group(3)));
        return Rewriter.replace(MONTH_YEAR, out, r -> MONTHS[month(r.group(1)) - 1] + " " + year(r.group(2)));
    }

    private String numeric(Rewriter r) {
        if (r.group(0).equals("24/7")) {
            return "twenty four seven";
        }
        int day = Integer.parseInt(r.group(1));
        int month = Integer.parseInt(r.group(2));
        boolean valid = day >= 1 && day <= 31 && month >= 1 && month <= 12;
        if (valid && (r.group(3) != null || DATE_BEFORE.contains(r.wordBefore())
                || DATE_WITH_YEAR_AFTER.matcher(r.textAfter(20)).lookingAt())) {
            return dayFirst(r.group(1), month, r.group(3));
        }
        return r.group(3) == null && month > 1 ? fraction(day, month) : null;
    }

    private String fraction(int numerator, int denominator) {
        String unit = denominator == 2 ? "half" : denominator == 4 ? "quarter" : numbers.ordinal(denominator);
        String plural = numerator == 1 ? unit : denominator == 2 ? "halves" : unit + "s";
        return numbers.cardinal(numerator) + " " + plural;
    }

    private String dayFirst(String day, int month, String year) {
        int d = Integer.parseInt(day);
        if (month < 1 || month > 12 || d < 1 || d > 31) {
            return null;
        }
        return "the " + numbers.ordinal(d) + " of " + MONTHS[month - 1] + (year == null ? "" : " " + year(year));
    }

    private String monthFirst(int month, String day, String year) {
        int d = Integer.parseInt(day);
        if (d < 1 || d > 31) {
            return null;
        }
        return MONTHS[month - 1] + " " + numbers.ordinal(d) + (year == null ? "" : " " + year(year));
    }

    private String year(String year) {
        return numbers.year(Integer.parseInt(year));
    }

    private static int month(String written) {
        if (Character.isDigit(written.charAt(0))) {
            return Integer.parseInt(written);
        }
        return MONTH_NUMBERS.get(written.substring(0, 3).toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.DATE;
    }
}
