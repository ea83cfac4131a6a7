package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spells out capitalised abbreviations that no dictionary knows, letter by letter with Vietnamese letter names
 * ("BQT" is "bê quy tê").
 *
 * <p>Stateless. Only tokens without a vowel are spelled: they cannot be Vietnamese words, while an all-capital
 * headline ("THÔNG BÁO KHẨN") has vowels and must be read as words. Left alone, espeak-ng's Vietnamese voice
 * switches to English for such tokens.
 */
final class AcronymSpeller implements TextRule {

    private static final Pattern ACRONYM = Pattern.compile("(?<![\\p{L}\\p{N}])([B-DF-HJ-NP-TV-XZĐ]{2,8})(?![\\p{L}\\p{N}])");
    private static final Map<Character, String> NAMES = Map.ofEntries(
            Map.entry('B', "bê"), Map.entry('C', "xê"), Map.entry('D', "dê"), Map.entry('Đ', "đê"),
            Map.entry('F', "ép"), Map.entry('G', "gờ"), Map.entry('H', "hát"), Map.entry('J', "gi"),
            Map.entry('K', "ca"), Map.entry('L', "lờ"), Map.entry('M', "mờ"), Map.entry('N', "nờ"),
            Map.entry('P', "pê"), Map.entry('Q', "quy"), Map.entry('R', "rờ"), Map.entry('S', "ét"),
            Map.entry('T', "tê"), Map.entry('V', "vê"), Map.entry('W', "vê kép"), Map.entry('X', "ích"),
            Map.entry('Z', "dét"));

    @Override
    public String apply(String text) {
        return Rewriter.replace(ACRONYM, text, r -> spell(r.group(1)));
    }

    static String spell(String letters) {
        List<String> names = new ArrayList<>();
        for (char c : letters.toCharArray()) {
            names.add(NAMES.getOrDefault(c, String.valueOf(c).toLowerCase(java.util.Locale.ROOT)));
        }
        return String.join(" ", names);
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.SPELLED;
    }
}
