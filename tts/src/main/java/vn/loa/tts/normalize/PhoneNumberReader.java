package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads telephone numbers digit by digit in the groups they are written in, with a short pause between groups.
 *
 * <p>Stateless. Knows Vietnamese mobiles (0912 345 678, 0912.345.678, 0912345678), landlines with an area code
 * (024 3826 1234, (0236) 3822 123), the international form (+84 912 345 678), 1800/1900 hotlines and the emergency
 * numbers 111 to 115 after words like "gọi" or "đường dây nóng". Runs before the number rule, which would otherwise
 * read "0912.345.678" as one big number. A number written without separators is grouped 4-3-3 (mobile) or 3-4-4
 * (landline), the way people say them.
 */
final class PhoneNumberReader implements TextRule {

    private static final Pattern NATIONAL = Pattern.compile(
            "(?<![\\d.,/+\\p{L}])(\\+84[ .]?|\\(0\\d{2,3}\\)[ .]?|0)(\\d(?:[ .\\-]?\\d){6,10})(?![\\d\\p{L}])");
    private static final Pattern HOTLINE = Pattern.compile(
            "(?<![\\d.,/])(1[89]00)([ .\\-]?\\d{2,4}(?:[ .\\-]?\\d{2,4})?)(?![\\d.,]?\\d)");
    private static final Pattern EMERGENCY = Pattern.compile("(?<![\\d.,/])(11[1-5])(?![\\d.,]?\\d)");
    /** A long run of digits after "số", "tài khoản", "mã"... is a code, read digit by digit ("sổ tiết kiệm số 123456789"). */
    private static final Pattern LONG_CODE = Pattern.compile("(?<![\\d.,])\\d{7,18}(?![\\d]|[.,]\\d)");
    /** Account and card numbers written in groups ("STK 1234 5678 9012") are read like phone numbers. */
    private static final Pattern DIGIT_GROUPS = Pattern.compile(
            "(?<![\\d.,])\\d{3,4}(?:[ .]\\d{3,4}){2,6}(?![\\d]|[.,]\\d)");
    private final Words words;

    PhoneNumberReader(Words words) {
        this.words = words;
    }

    /**
     * The words of one language.
     *
     * @param digits reads a run of digits one by one
     * @param plus the word for "+" in "+84"
     * @param accountWords words after which groups of digits are an account or card number
     * @param callWords words that make 111 to 115 a number to dial
     * @param callWindow how many characters before the number a call word may stand
     * @param services the names of the emergency services; right before 111 to 115 they make it a number to dial
     *                 ("công an 113", "cấp cứu: 115")
     */
    record Words(Function<CharSequence, String> digits, String plus, Set<String> accountWords, Set<String> callWords,
            int callWindow, Set<String> services) {

        static Words vietnamese(NumberReader numbers) {
            // "số" is no call word: "tổng số 113 hộ"; "lại" is a clerk's "[nhắc lại 1234 5678 9012]" said twice
            return new Words(numbers::digits, "cộng", Set.of("khoản", "stk", "tk", "cccd", "cmnd", "mã", "thẻ", "hiệu",
                    "số", "lại"), Set.of("gọi", "nóng", "đài", "hotline", "thoại", "quay", "bấm"), 24,
                    Set.of("công an", "cấp cứu", "cứu hỏa", "cứu hoả", "chữa cháy", "pccc", "cứu nạn", "cứu hộ",
                            "cảnh sát"));
        }
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(NATIONAL, text, this::national);
        out = Rewriter.replace(DIGIT_GROUPS, out,
                r -> words.accountWords().contains(r.wordBefore()) ? groupsOfDigits(r.group(0)) : null);
        out = Rewriter.replace(LONG_CODE, out,
                r -> words.accountWords().contains(r.wordBefore()) ? words.digits().apply(r.group(0)) : null);
        out = Rewriter.replace(HOTLINE, out, this::hotline);
        return Rewriter.replace(EMERGENCY, out, r -> isCalled(r) ? words.digits().apply(r.group(1)) : null);
    }

    /** "gọi 113", "gọi ngay số 114", "đường dây nóng 115": a call word among the few words before the number. */
    private boolean isCalled(Rewriter r) {
        String before = r.textBefore(16).strip();
        before = before.endsWith(":") ? before.substring(0, before.length() - 1).strip() : before;
        for (String service : words.services()) {
            if (before.endsWith(service)) {
                return true;
            }
        }
        for (String word : r.textBefore(words.callWindow()).split("[^\\p{L}]+")) {
            if (words.callWords().contains(word)) {
                return true;
            }
        }
        return false;
    }

    private String national(Rewriter r) {
        String prefix = r.group(1).strip();
        String rest = r.group(2);
        int digits = rest.replaceAll("\\D", "").length();
        boolean international = prefix.startsWith("+");
        int total = international ? digits + 1 : prefix.replaceAll("\\D", "").length() + digits;
        if (total < 10 || total > 11) {
            return null;
        }
        List<String> groups = new ArrayList<>();
        if (international) {
            groups.add(words.plus() + " " + words.digits().apply("84"));
        } else if (prefix.length() > 1) {
            groups.add(words.digits().apply(prefix)); // "(024)" was written as its own group
        }
        List<String> written = splitGroups(rest);
        if (written.size() == 1) {
            String all = (international || prefix.length() > 1 ? "" : "0") + rest;
            written = defaultGroups(all, international);
        } else if (!international && prefix.length() == 1) {
            written.set(0, "0" + written.get(0));
        }
        written.forEach(g -> groups.add(words.digits().apply(g)));
        return String.join(", ", groups);
    }

    private String hotline(Rewriter r) {
        List<String> groups = new ArrayList<>();
        groups.add(words.digits().apply(r.group(1)));
        splitGroups(r.group(2)).forEach(g -> groups.add(words.digits().apply(g)));
        return String.join(", ", groups);
    }

    private String groupsOfDigits(String written) {
        List<String> groups = new ArrayList<>();
        splitGroups(written).forEach(g -> groups.add(words.digits().apply(g)));
        return String.join(", ", groups);
    }

    private static List<String> splitGroups(String written) {
        List<String> groups = new ArrayList<>();
        for (String g : written.strip().split("[ .\\-]+")) {
            if (!g.isEmpty()) {
                groups.add(g);
            }
        }
        return groups;
    }

    private static List<String> defaultGroups(String digits, boolean international) {
        int[] sizes;
        if (international) {
            sizes = digits.length() == 9 ? new int[] {3, 3, 3} : new int[] {2, 4, 4};
        } else {
            sizes = digits.length() == 10 ? new int[] {4, 3, 3} : new int[] {3, 4, 4};
        }
        List<String> groups = new ArrayList<>();
        int at = 0;
        for (int size : sizes) {
            groups.add(digits.substring(at, Math.min(digits.length(), at + size)));
            at += size;
        }
        return groups;
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.PHONE;
    }
}
