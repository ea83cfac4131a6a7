package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Abbreviations whose meaning depends on the words around them, read before the dictionary's one meaning applies:
 * "BCH" is "ban chỉ huy" before quân sự, phòng chống thiên tai, phòng thủ, công an or biên phòng, and "ban chấp hành"
 * (the dictionary's) before Đoàn, Hội, công đoàn or a party committee.
 *
 * <p>Stateless. Runs before {@link AbbreviationExpander}.
 */
final class ContextualAbbreviations implements TextRule {

    private static final Pattern BCH = Pattern.compile("(?<![\\p{L}\\d])BCH(?![\\p{L}\\d])");
    /** What a command (ban chỉ huy) is of: the military, disaster response, defence, police, border guard, fire. */
    private static final Pattern COMMANDED = Pattern.compile("(?isu)\\s*(?:các\\s+|xã\\s+)?(?:quân\\s+sự|qs\\b|phòng\\s+"
            + "chống|pctt|pclb|pcts|tìm\\s+kiếm|tkcn|phòng\\s+thủ|công\\s+an|biên\\s+phòng|bđbp|pccc|phòng\\s+cháy"
            + "|chữa\\s+cháy|cứu\\s+hộ|ứng\\s+phó).*");

    @Override
    public String apply(String text) {
        return Rewriter.replace(BCH, text, r -> COMMANDED.matcher(r.textAfter(40)).matches() ? "ban chỉ huy" : null);
    }
}
