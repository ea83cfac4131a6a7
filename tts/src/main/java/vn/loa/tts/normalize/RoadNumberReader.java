package vn.loa.tts.normalize;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads road numbers: a road class code before a number ("QL1A", "ĐT 605", "ĐH.12", "TL 10", "HL 5") is the road's
 * class (quốc lộ, đường tỉnh, đường huyện, tỉnh lộ, hương lộ...), where elsewhere the same letters mean other words
 * ("ĐT" a telephone, "ĐH" a university or a congress).
 *
 * <p>Stateless. Runs after phone numbers (so "ĐT 0912 345 678" stays a telephone) and before dates and abbreviations.
 * A road number has one to three digits and perhaps a letter; four digits after "ĐH" are a year ("ĐH 2025", a congress).
 * The classes are those of the Road Law of 2024 (Luật Đường bộ), kept in {@link AdministrativeDictionary}; "TL" and
 * "HL" are the older names still painted on many signs.
 */
final class RoadNumberReader implements TextRule {

    /** The road classes of the administrative dictionary: code to class. */
    private static final Map<String, String> CLASSES =
            AdministrativeDictionary.builtIn().entries(AdministrativeDictionary.Scope.ROAD);
    private static final Pattern ROAD = Pattern.compile("(?<![\\p{L}\\d])(" + CLASSES.keySet().stream()
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(java.util.stream.Collectors.joining("|"))
            + ")\\s?\\.?\\s?(\\d{1,3})([A-Z]{0,2})(?![\\p{L}\\d]|[.,]\\d)");

    private final NumberReader numbers;

    RoadNumberReader(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(ROAD, text, r -> {
            String suffix = r.group(3).isEmpty() ? "" : " " + r.group(3);
            return unsaid(CLASSES.get(r.group(1)), r) + numbers.cardinal(r.group(2)) + suffix;
        });
    }

    /**
     * The road's class as far as the text has not just said it: "tỉnh lộ TL 10" is "tỉnh lộ mười" and "đường ĐH 23"
     * is "đường huyện hai mươi ba", not "đường đường huyện".
     */
    private static String unsaid(String road, Rewriter r) {
        String before = r.textBefore(16).strip();
        if (before.endsWith(road)) {
            return "";
        }
        String word = r.wordBefore();
        return !word.isEmpty() && road.startsWith(word + " ") ? road.substring(word.length() + 1) + " " : road + " ";
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.ROAD;
    }
}
