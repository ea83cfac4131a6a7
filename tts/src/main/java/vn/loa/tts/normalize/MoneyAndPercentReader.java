package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads amounts of money and percentages: "500.000đ", "1.500.000 VNĐ", "2,5 triệu đồng", "$20", "15%", "2,5 %", "4‰".
 *
 * <p>Stateless. Rates ("50.000đ/người") have already had their slash read by {@link RateReader}.
 */
final class MoneyAndPercentReader implements TextRule {

    private static final Pattern DONG = Pattern.compile(NumberPatterns.NUMBER
            + "[ \\t]*(đồng|đ|VNĐ|VND|vnđ|vnd|USD|usd)(?![\\p{L}\\d])");
    private static final Pattern DOLLAR = Pattern.compile("\\$\\s?" + NumberPatterns.BARE_NUMBER);
    private static final Pattern PERCENT = Pattern.compile(NumberPatterns.NUMBER + "[ \\t]*([%‰])");

    private final NumberReader numbers;

    MoneyAndPercentReader(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(DONG, text, this::money);
        out = Rewriter.replace(DOLLAR, out, r -> numbers.number(r.group(1)) + " đô la");
        return Rewriter.replace(PERCENT, out,
                r -> numbers.number(r.group(1)) + (r.group(2).equals("%") ? " phần trăm" : " phần nghìn"));
    }

    private String money(Rewriter r) {
        String currency = r.group(2).toUpperCase(java.util.Locale.ROOT).equals("USD") ? "đô la Mỹ" : "đồng";
        return numbers.number(r.group(1)) + " " + currency;
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return spoken.contains("phần trăm") ? TokenKind.PERCENT : TokenKind.MONEY;
    }
}
