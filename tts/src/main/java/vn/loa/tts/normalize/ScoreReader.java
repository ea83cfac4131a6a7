package vn.loa.tts.normalize;

import java.util.regex.Pattern;

/**
 * Reads the score of a match after the words that announce one: "thắng 3/1", "tỉ số 2-1", "hòa 1:1" are "ba một",
 * "hai một", "một một", as a sports announcer says them; never a date, a fraction or a range.
 *
 * <p>Stateless. Runs before dates and ranges, which would take "3/1" for the third of January and "2-1" for "hai
 * đến một". Only right after a score word, so "thắng 3/5 trận" (counted games) is left to the ratio rule.
 */
final class ScoreReader implements TextRule {

    private static final Pattern SCORE = Pattern.compile("(?iu)(?<!\\p{L})(tỉ số|tỷ số|thắng|thua|hòa|hoà|cách biệt)"
            + "\\s+(\\d{1,2})\\s?[-/:–]\\s?(\\d{1,2})(?![\\d/:\\-]|[.,]\\d|\\s*(?:trận|ván|lượt|ngày|tuần))");

    private final NumberReader numbers;

    ScoreReader(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(SCORE, text,
                r -> r.group(1) + " " + numbers.cardinal(r.group(2)) + " " + numbers.cardinal(r.group(3)));
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.RATIO;
    }
}
