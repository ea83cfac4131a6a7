package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * The shorthand of quickly typed notices, written out so the rules after it read it in full: "5tr" is "5 triệu",
 * "150k" is "150 nghìn", "2x2 m" is "2 nhân 2 m", "vv" and "v.v." are "vân vân", and the stray dot after a title
 * ("ông. Nguyễn Văn A") goes, so it is neither read nor taken for the end of a sentence.
 *
 * <p>Stateless. Runs before money, units and numbers, and leaves the digits for them.
 */
final class ShorthandReader implements TextRule {

    private static final Pattern MILLIONS = Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,4}(?:[.,]\\d{1,3})?)\\s?tr(?![\\p{L}\\d])");
    private static final Pattern THOUSANDS = Pattern.compile("(?<![\\p{L}\\d.,])(\\d{1,3}(?:[.,]\\d{1,3})?)\\s?k(?![\\p{L}\\d])");
    private static final Pattern TIMES = Pattern.compile(
            "(?<![\\p{L}\\d.,])(\\d{1,5}(?:[.,]\\d{1,3})?)\\s?[x×]\\s?(?=\\d)");
    /** "v.v." inside a sentence: its last dot is not a full stop. */
    private static final Pattern ETCETERA_GOING_ON = Pattern.compile("(?<![\\p{L}.])v\\.v\\.(?=\\s+\\p{Ll})");
    private static final Pattern ETCETERA = Pattern.compile("(?<![\\p{L}.])(?:v\\.v(?=\\.)|v\\.v(?![\\p{L}])|vv(?![\\p{L}]))");
    private static final Pattern TITLE_DOT = Pattern.compile(
            "(?<![\\p{L}])(ông|bà|anh|chị|cô|chú|bác|em|cháu|đồng chí|đ/c)\\.(?=\\s+\\p{Lu})");

    @Override
    public String apply(String text) {
        String out = MILLIONS.matcher(text).replaceAll("$1 triệu");
        out = THOUSANDS.matcher(out).replaceAll("$1 nghìn");
        out = TIMES.matcher(out).replaceAll("$1 nhân ");
        out = ETCETERA_GOING_ON.matcher(out).replaceAll("vân vân");
        out = ETCETERA.matcher(out).replaceAll("vân vân");
        return TITLE_DOT.matcher(out).replaceAll("$1");
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        if (spoken.contains("triệu") || spoken.contains("nghìn")) {
            return TokenKind.MONEY;
        }
        return spoken.contains("nhân") ? TokenKind.MEASURE : TokenKind.ABBREVIATION;
    }
}
