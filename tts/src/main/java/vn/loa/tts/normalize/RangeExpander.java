package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads a dash between two numbers as "đến": "100-150mm" becomes "100 đến 150mm", "2021-2026" becomes "2021 đến 2026".
 *
 * <p>Stateless. Keeps the digits so that the unit, money and number rules after it still see them. Runs after
 * dates, times and phone numbers, which have dashes of their own.
 */
final class RangeExpander implements TextRule {

    private static final Pattern RANGE = Pattern.compile(
            "(?<![\\d.,/\\-])(\\d[\\d.,]*)\\s*[-–—]\\s*(\\d[\\d.,]*)(?![\\d/\\-])");

    private final String to;

    /** @param to the word between the two numbers: "đến", "to" */
    RangeExpander(String to) {
        this.to = to;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(RANGE, text, r -> r.group(1) + " " + to + " " + r.group(2));
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.RANGE;
    }
}
