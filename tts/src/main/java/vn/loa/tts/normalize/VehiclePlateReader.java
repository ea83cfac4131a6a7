package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads Vietnamese vehicle plates as people say them: "30G-123.45" is "ba mươi gờ, một hai ba bốn năm": the province
 * code as a number, the series letter by letter, then the serial digit by digit. The hyphen is not "đến" and the dot
 * is not a decimal point.
 *
 * <p>Stateless. Runs before dates, ranges and numbers, which would otherwise each take a piece of it.
 */
final class VehiclePlateReader implements TextRule {

    private static final Pattern PLATE = Pattern.compile(
            "(?<![\\p{L}\\d.,-])(\\d{2})\\s?([A-Z]{1,2}\\d?)\\s?-\\s?(\\d{3}\\.\\d{2}|\\d{4,5})(?![\\d\\p{L}]|[.,]\\d)");

    private final NumberReader numbers;

    VehiclePlateReader(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(PLATE, text, r -> {
            String series = r.group(2);
            StringBuilder spoken = new StringBuilder(numbers.cardinal(r.group(1)));
            for (char c : series.toCharArray()) {
                spoken.append(' ').append(Character.isDigit(c) ? numbers.digit(c - '0') : AcronymSpeller.spell(
                        String.valueOf(c)));
            }
            return spoken.append(", ").append(numbers.digits(r.group(3).replace(".", ""))).toString();
        });
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.PLATE;
    }
}
