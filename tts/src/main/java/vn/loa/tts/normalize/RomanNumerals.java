package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Parses Roman numerals as used in Vietnamese documents (khóa XX, quý IV, Đại hội XIII).
 *
 * <p>Stateless.
 */
final class RomanNumerals {

    /** Well-formed numerals from I to MMMCMXCIX; "IIII" or "VV" are not numerals but letters. */
    private static final Pattern VALID = Pattern.compile(
            "M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

    private RomanNumerals() {
    }

    static boolean isValid(String s) {
        return !s.isEmpty() && VALID.matcher(s).matches();
    }

    /** The value of a well-formed numeral; call {@link #isValid} first. */
    static int parse(String s) {
        int total = 0;
        int previous = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = value(s.charAt(i));
            total += v < previous ? -v : v;
            previous = Math.max(previous, v);
        }
        return total;
    }

    private static int value(char c) {
        return switch (c) {
            case 'I' -> 1;
            case 'V' -> 5;
            case 'X' -> 10;
            case 'L' -> 50;
            case 'C' -> 100;
            case 'D' -> 500;
            case 'M' -> 1000;
            default -> throw new IllegalArgumentException("not a Roman digit: " + c);
        };
    }
}
