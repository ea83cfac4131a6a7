package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads every number the earlier rules left: "1.500" (một nghìn năm trăm), "2,5" (hai phẩy năm), "05" (năm),
 * and a dot that cannot be a thousands separator ("1.5") as "chấm".
 *
 * <p>Stateless. Runs last among the number rules: by now dates, times, money, units and phone numbers are words.
 */
final class CardinalExpander implements TextRule {

    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.,])(\\d+)\\.(\\d{1,2}|\\d{4,})(?![\\d.,]?\\d)");
    private static final Pattern NUMBER = Pattern.compile(NumberPatterns.NUMBER);
    private static final Pattern ANY_DIGITS = Pattern.compile("\\d+");

    private final NumberReader numbers;

    CardinalExpander(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(DOTTED, text,
                r -> numbers.cardinal(r.group(1)) + " chấm " + numbers.fraction(r.group(2)));
        out = Rewriter.replace(NUMBER, out, r -> numbers.number(r.group(1)));
        // digits still left sit in odd places (1.2.3, 12,34,56); read them one by one rather than skip them
        return Rewriter.replace(ANY_DIGITS, out, r -> numbers.cardinal(r.group(0)));
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.NUMBER;
    }
}
