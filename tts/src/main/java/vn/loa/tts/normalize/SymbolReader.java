package vn.loa.tts.normalize;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns the symbols left after the number rules into words or pauses: "&" is "và" ("and"), "+" is "cộng", brackets and
 * dashes become commas (a short pause), quotes disappear.
 *
 * <p>Stateless. espeak-ng pauses at commas and sentence ends, so a pause is written as a comma rather than invented.
 */
final class SymbolReader implements TextRule {

    private static final Pattern DASH_BETWEEN_WORDS = Pattern.compile("\\s+[-–—]+\\s+|\\s*[–—]+\\s*");
    private static final Pattern HYPHEN_IN_WORD = Pattern.compile("(?<=\\p{L})-(?=\\p{L})");

    /** The spoken words of the symbols that have words, in Vietnamese. */
    static final Map<Character, String> VIETNAMESE = Map.ofEntries(Map.entry('&', "và"), Map.entry('+', "cộng"),
            Map.entry('=', "bằng"), Map.entry('~', "khoảng"), Map.entry('≈', "khoảng"), Map.entry('>', "lớn hơn"),
            Map.entry('<', "nhỏ hơn"), Map.entry('≥', "lớn hơn hoặc bằng"), Map.entry('≤', "nhỏ hơn hoặc bằng"),
            Map.entry('%', "phần trăm"), Map.entry('#', "số"), Map.entry('№', "số"), Map.entry('@', "a còng"),
            Map.entry('°', "độ"));

    /** The same in English. */
    static final Map<Character, String> ENGLISH = Map.ofEntries(Map.entry('&', "and"), Map.entry('+', "plus"),
            Map.entry('=', "equals"), Map.entry('~', "about"), Map.entry('≈', "about"), Map.entry('>', "more than"),
            Map.entry('<', "less than"), Map.entry('≥', "at least"), Map.entry('≤', "at most"),
            Map.entry('%', "percent"), Map.entry('#', "number"), Map.entry('№', "number"), Map.entry('@', "at"),
            Map.entry('°', "degrees"));

    private final Map<Character, String> words;

    SymbolReader(Map<Character, String> words) {
        this.words = words;
    }

    @Override
    public String apply(String text) {
        String out = DASH_BETWEEN_WORDS.matcher(text).replaceAll(", ");
        out = HYPHEN_IN_WORD.matcher(out).replaceAll(" ");
        StringBuilder spoken = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            String word = words.get(c);
            spoken.append(word != null ? " " + word + " " : switch (c) {
                case '(', ')', '[', ']', '{', '}' -> ", ";
                case '"', '“', '”', '«', '»', '‘', '’', '`', '*', '_', '|', '^', '\\', '/', '-' -> " ";
                case '…' -> "...";
                default -> String.valueOf(c);
            });
        }
        return spoken.toString();
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.SYMBOL;
    }
}
