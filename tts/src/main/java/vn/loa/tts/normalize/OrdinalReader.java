package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads numbers after the words that make them ordinals or labels: "thứ 2" (thứ hai), "lần thứ IV" (lần thứ tư),
 * "khóa XX" (khóa hai mươi), "Đại hội XIII", "chương III", "cấp II".
 *
 * <p>Stateless. A Roman numeral is only read where one of these words comes first, so the letters "I", "V" and "X"
 * elsewhere stay letters, and only I, V, X and L count ("hạng C" is a driving-licence class, not 100). After "thứ", 1
 * and 4 are "nhất" and "tư"; after the other words the plain number is said.
 */
final class OrdinalReader implements TextRule {

    private static final Pattern AFTER_CONTEXT = Pattern.compile("(?iu)(?<![\\p{L}])(thứ|khóa|khoá|đại hội|kỳ|kì"
            + "|phần|chương|mục|cấp|thế kỷ|thế kỉ|lần|giai đoạn|đợt|vòng|nhóm|loại|hạng|tập|phụ lục|điều|quyển|tiểu đoàn"
            + "|trung đoàn|sư đoàn|quân khu|vùng|khu vực|quý)\\s+((?-i:[IVXL]+)|\\d{1,3})(?![\\p{L}\\d])");

    private final NumberReader numbers;

    OrdinalReader(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(AFTER_CONTEXT, text, this::ordinal);
    }

    private String ordinal(Rewriter r) {
        String written = r.group(2);
        int n;
        if (Character.isDigit(written.charAt(0))) {
            if (!r.group(1).equalsIgnoreCase("thứ")) {
                return null; // "khóa 5" is read by the number rule just the same
            }
            n = Integer.parseInt(written);
        } else if (RomanNumerals.isValid(written) && !written.equals("L")) { // "hạng L" is a letter
            n = RomanNumerals.parse(written);
        } else {
            return null;
        }
        String word = r.group(1);
        return word + " " + (word.equalsIgnoreCase("thứ") ? numbers.ordinal(n) : numbers.cardinal(n));
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.ORDINAL;
    }
}
