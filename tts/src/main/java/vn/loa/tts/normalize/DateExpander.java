package vn.loa.tts.normalize;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads dates: "28/11/2026", "28-30/11", "2/9", "tháng 11/2026", "11/2026", "tháng 4"
 * and "quý IV/2026".
 *
 * <p>Stateless. Runs after document numbers ("13/2023/NĐ-CP" is not a date) and before ranges and plain numbers.
 * "ngày"/"tháng" is added only when the text does not already say it. A day/month pair is read as a fraction instead
 * when the words around it say so ("khoảng 2/3 số hộ"), and as "X trên Y" after "số"/"ngõ"/"hẻm" (an address) or
 * before a counted noun ("12/12 thôn").
 */
final class DateExpander implements TextRule {

    private static final Pattern FULL = Pattern.compile(
            "(?<![\\d.,/])(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4})(?![\\d/])");
    /** Two full dates joined by a dash: "2/9/1945-2/9/2025" is "từ ... đến ...", not a pause. */
    private static final Pattern FULL_RANGE = Pattern.compile("(?<![\\d.,/])(\\d{1,2}[/.]\\d{1,2}[/.]\\d{4})"
            + "\\s*[-–]\\s*(\\d{1,2}[/.]\\d{1,2}[/.]\\d{4})(?![\\d/])");
    private static final Pattern DAY_RANGE = Pattern.compile(
            "(?<![\\d.,/])(\\d{1,2})\\s*[-–]\\s*(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}))?(?![\\d/])");
    private static final Pattern QUARTER = Pattern.compile(
            "(?iu)(quý)\\s+(I{1,3}|IV|[1-4])(?:\\s*(?:/|-|năm)\\s*(\\d{4}))?(?![\\p{L}\\d])");
    private static final Pattern MONTH_YEAR = Pattern.compile("(?<![\\d.,/])(\\d{1,2})[/\\-](\\d{4})(?![\\d/])");
    private static final Pattern MONTH_ALONE = Pattern.compile("(?iu)(?<![\\p{L}])(tháng)\\s+(\\d{1,2})(?![\\d/]|[.,]\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\d.,/])(\\d{1,2})/(\\d{1,2})(?![\\d/,]\\d)");
    /**
     * A day and month joined by a hyphen, as newspapers write them: "ngày 30-4" is the thirtieth of April, and so is
     * each one listed after it ("ngày 30-4 và 1-5"). Without "ngày" before it, "4-6" stays a range for the range rule.
     */
    private static final Pattern DAY_MONTH_HYPHEN = Pattern.compile("(?<![\\d.,/\\-])(\\d{1,2})-(\\d{1,2})(?![\\d/\\-]|[.,]\\d)");
    private static final Pattern AFTER_A_DAY = Pattern.compile(
            "(?su).*(?:ngày|mồng|mùng)\\s+\\d{1,2}-\\d{1,2}\\s*(?:,|và|hoặc|đến|tới)\\s*$");

    private static final Set<String> FRACTION_BEFORE = Set.of("khoảng", "gần", "hơn", "chiếm", "được", "đạt",
            "còn", "lệ", "tới", "có", "trên", "dưới", "ngập", "mất", "giảm", "tăng", "bằng", "hỏng", "sạt");
    /** "1/3 đoạn đường", "2/3 diện tích": a share of something measured, never a date. */
    private static final Pattern SHARE_OF_AFTER = Pattern.compile("\\s*(số|đoạn|diện tích|dân số|tuyến|chiều dài|quãng"
            + "|lượng|khối lượng|sản lượng|tổng|kinh phí|mặt đường|dung tích|công suất|giá trị|thời gian)(?!\\p{L}).*",
            Pattern.DOTALL);
    private static final Set<String> ADDRESS_BEFORE = Set.of("số", "nhà", "ngõ", "ngách", "hẻm", "kiệt", "kiốt", "lô");

    /**
     * "12/12 thôn" counts units out of a total and is read "mười hai trên mười hai thôn", as reports are; so is a rota
     * or a score of days, sessions or tries ("7/7 ngày", "3/5 buổi").
     */
    private static final Pattern COUNTED_AFTER = Pattern.compile("\\s*(thôn|xã|hộ|người|tổ|trường|khu|làng|bản|ấp|xóm"
            + "|phường|huyện|tỉnh|cơ sở|chỉ tiêu|tiêu chí|đơn vị|học sinh|cán bộ|địa phương|ngày|tuần|buổi|ca|lượt"
            + "|lần|câu|môn|trận|điểm|chi hội|chi bộ|học viên|hợp tác xã|thành viên|hội viên|đoàn viên|đảng viên"
            + "|giáo viên|lớp|cụm|mục tiêu|nhiệm vụ)(?!\\p{L}).*", Pattern.DOTALL);

    private final NumberReader numbers;
    private final CalendarWords calendar;

    DateExpander(NumberReader numbers, CalendarWords calendar) {
        this.numbers = numbers;
        this.calendar = calendar;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(FULL_RANGE, text, r -> r.group(1) + " đến " + r.group(2));
        out = Rewriter.replace(DAY_RANGE, out, this::dayRange); // "22-24/12/2026" before "24/12/2026"
        out = Rewriter.replace(FULL, out, this::fullDate);
        out = Rewriter.replace(QUARTER, out, this::quarter);
        out = Rewriter.replace(MONTH_YEAR, out, this::monthYear);
        out = Rewriter.replace(MONTH_ALONE, out, this::monthAlone);
        out = Rewriter.replace(DAY_MONTH_HYPHEN, out, this::dayMonthHyphen);
        return Rewriter.replace(DAY_MONTH, out, this::dayMonth);
    }

    private String dayMonthHyphen(Rewriter r) {
        int d = Integer.parseInt(r.group(1));
        int m = Integer.parseInt(r.group(2));
        String before = r.wordBefore();
        boolean dated = before.equals("ngày") || before.equals("mồng") || before.equals("mùng")
                || AFTER_A_DAY.matcher(r.textBefore(40)).matches();
        if (!dated || !CalendarWords.isDay(d) || !CalendarWords.isMonth(m)) {
            return null;
        }
        return calendar.day(d) + " tháng " + calendar.month(m, isLunar(r));
    }

    private String fullDate(Rewriter r) {
        int d = Integer.parseInt(r.group(1));
        int m = Integer.parseInt(r.group(3));
        if (!CalendarWords.isDay(d) || !CalendarWords.isMonth(m)) {
            return null;
        }
        return dayPrefix(r) + calendar.day(d) + " tháng " + calendar.month(m, isLunar(r))
                + " năm " + calendar.year(r.group(4));
    }

    private String dayRange(Rewriter r) {
        int from = Integer.parseInt(r.group(1));
        int to = Integer.parseInt(r.group(2));
        int m = Integer.parseInt(r.group(3));
        if (!CalendarWords.isDay(from) || !CalendarWords.isDay(to) || from >= to || !CalendarWords.isMonth(m)) {
            return null;
        }
        String year = r.group(4) == null ? "" : " năm " + calendar.year(r.group(4));
        return dayPrefix(r) + calendar.day(from) + " đến " + calendar.day(to) + " tháng "
                + calendar.month(m, isLunar(r)) + year;
    }

    private String quarter(Rewriter r) {
        String q = r.group(2).toUpperCase(java.util.Locale.ROOT);
        int n = Character.isDigit(q.charAt(0)) ? Integer.parseInt(q) : RomanNumerals.parse(q);
        String year = r.group(3) == null ? "" : " năm " + calendar.year(r.group(3));
        return r.group(1) + " " + numbers.cardinal(n) + year;
    }

    private String monthYear(Rewriter r) {
        int m = Integer.parseInt(r.group(1));
        if (!CalendarWords.isMonth(m) || !CalendarWords.isYear(Integer.parseInt(r.group(2)))) {
            return null;
        }
        String prefix = r.wordBefore().equals("tháng") ? "" : "tháng ";
        return prefix + calendar.month(m, isLunar(r)) + " năm " + calendar.year(r.group(2));
    }

    /** "tháng 4" is "tháng tư" and "tháng 1 âm lịch" is "tháng giêng", which the number rule would not know. */
    private String monthAlone(Rewriter r) {
        int m = Integer.parseInt(r.group(2));
        return CalendarWords.isMonth(m) ? r.group(1) + " " + calendar.month(m, isLunar(r)) : null;
    }

    private String dayMonth(Rewriter r) {
        int a = Integer.parseInt(r.group(1));
        int b = Integer.parseInt(r.group(2));
        String before = r.wordBefore();
        boolean counted = COUNTED_AFTER.matcher(r.textAfter(16)).matches();
        if (counted || ADDRESS_BEFORE.contains(before) || (a == 24 && (b == 24 || b == 7))) {
            return numbers.cardinal(a) + " trên " + numbers.cardinal(b); // an address, or "trực 24/24"
        }
        boolean fractionContext = FRACTION_BEFORE.contains(before) || SHARE_OF_AFTER.matcher(r.textAfter(16)).matches();
        if (fractionContext || !CalendarWords.isDay(a) || !CalendarWords.isMonth(b)) {
            return numbers.cardinal(a) + (b == 0 ? " trên " : " phần ") + numbers.cardinal(b);
        }
        return dayPrefix(r) + calendar.day(a) + " tháng " + calendar.month(b, isLunar(r));
    }

    private static String dayPrefix(Rewriter r) {
        String before = r.wordBefore();
        return before.equals("ngày") || before.equals("mồng") || before.equals("mùng") ? "" : "ngày ";
    }

    private static boolean isLunar(Rewriter r) {
        String after = r.textAfter(16);
        return after.contains("âm lịch") || after.matches("\\s*\\(?âl\\b.*") || after.matches("\\s*\\(al\\).*");
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        if (spoken.contains(" phần ")) {
            return TokenKind.FRACTION;
        }
        return spoken.contains(" trên ") ? TokenKind.RATIO : TokenKind.DATE;
    }
}
