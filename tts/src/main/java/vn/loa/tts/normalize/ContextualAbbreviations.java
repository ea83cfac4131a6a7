package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Abbreviations whose meaning depends on the words around them, read before the dictionary's one meaning applies:
 * "BCH" is "ban chỉ huy" before quân sự, phòng chống thiên tai, phòng thủ, công an or biên phòng, and "ban chấp hành"
 * (the dictionary's) before Đoàn, Hội, công đoàn or a party committee; "CN" next to the days of the week is "chủ nhật".
 *
 * <p>Stateless. Runs before {@link AbbreviationExpander}.
 */
final class ContextualAbbreviations implements TextRule {

    private static final Pattern BCH = Pattern.compile("(?<![\\p{L}\\d])BCH(?![\\p{L}\\d])");
    /** What a command (ban chỉ huy) is of: the military, disaster response, defence, police, border guard, fire. */
    private static final Pattern COMMANDED = Pattern.compile("(?isu)\\s*(?:các\\s+|xã\\s+)?(?:quân\\s+sự|qs\\b|phòng\\s+"
            + "chống|pctt|pclb|pcts|tìm\\s+kiếm|tkcn|phòng\\s+thủ|công\\s+an|biên\\s+phòng|bđbp|pccc|phòng\\s+cháy"
            + "|chữa\\s+cháy|cứu\\s+hộ|ứng\\s+phó).*");

    /** "CN" beside the days of the week is Sunday (chủ nhật); elsewhere it is left for the dictionary or spelled. */
    private static final Pattern CN = Pattern.compile("(?<![\\p{L}\\d])CN(?![\\p{L}\\d])");
    private static final Pattern WEEKDAY_BEFORE = Pattern.compile("(?isu).*(?:thứ\\s*\\d|thứ\\s+\\p{L}+|t[2-7])\\s*"
            + "(?:,|và|-|–|đến|tới)\\s*$");
    private static final Pattern WEEK_AFTER = Pattern.compile("(?isu)\\s*(?:hàng\\s+tuần|tuần\\s+này|tuần\\s+tới|tuần\\s+sau)"
            + "(?!\\p{L}).*");

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(BCH, text, r -> COMMANDED.matcher(r.textAfter(40)).matches() ? "ban chỉ huy" : null);
        return Rewriter.replace(CN, out, r -> WEEKDAY_BEFORE.matcher(r.textBefore(24)).matches()
                || WEEK_AFTER.matcher(r.textAfter(16)).matches() ? "chủ nhật" : null);
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.ABBREVIATION;
    }
}
