package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads amounts of money and percentages: "500.000đ", "1.500.000 VNĐ", "2,5 triệu đồng", "$20", "15%", "2,5 %".
 *
 * <p>Stateless. A rate written with a slash after the currency reads "một": "50.000đ/người" is "năm mươi nghìn đồng
 * một người", the way fees are announced.
 */
final class MoneyAndPercentReader implements TextRule {

    private static final Pattern DONG = Pattern.compile(NumberPatterns.NUMBER
            + "\\s?(đồng|đ|VNĐ|VND|vnđ|vnd|USD|usd)(?![\\p{L}\\d])(?:\\s?/\\s?(\\p{L}+))?");
    private static final Pattern DOLLAR = Pattern.compile("\\$\\s?" + NumberPatterns.BARE_NUMBER);
    private static final Pattern PERCENT = Pattern.compile(NumberPatterns.NUMBER + "\\s?%");

    private final NumberReader numbers;
    private final UnitReader units;

    MoneyAndPercentReader(NumberReader numbers, UnitReader units) {
        this.numbers = numbers;
        this.units = units;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(DONG, text, this::money);
        out = Rewriter.replace(DOLLAR, out, r -> numbers.number(r.group(1)) + " đô la");
        return Rewriter.replace(PERCENT, out, r -> numbers.number(r.group(1)) + " phần trăm");
    }

    private String money(Rewriter r) {
        String currency = r.group(2).toUpperCase(java.util.Locale.ROOT).equals("USD") ? "đô la Mỹ" : "đồng";
        String per = r.group(3) == null ? "" : " một " + units.spokenOrSame(r.group(3));
        return numbers.number(r.group(1)) + " " + currency + per;
    }
}
