package vn.loa.tts.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the slash of a rate as "một": "20.000đ/hộ/tháng" becomes "20.000đ một hộ một tháng", "1 lần/tuần" becomes
 * "1 lần một tuần", "5.000 con/m2" becomes "5.000 con một mét vuông".
 *
 * <p>Stateless. Runs before the money and unit rules and keeps the number and its first word as written, so that
 * they still read "20.000đ". A unit that contains a slash itself ("km/h") and a dictionary entry ("Đ/c") are left
 * alone.
 */
final class RateReader implements TextRule {

    /** Bounded, so that a 100,000-character run of letters costs linear time, not quadratic. */
    private static final String WORD = "\\p{L}[\\p{L}\\d²³]{0,24}";
    private static final Pattern RATE = Pattern.compile(NumberPatterns.NUMBER
            + "([ \\t]*(?:\\p{L}{1,24}[ \\t]+)?(?:" + WORD + "|%))"
            // a two-word tail only before another slash: "đồng/lao động/năm", but not "đồng/hộ trong năm"
            + "((?:[ \\t]*/[ \\t]*" + WORD + "(?:[ \\t]+" + WORD + "(?=[ \\t]*/))?){1,4})(?![\\p{L}\\d/])");

    private final AbbreviationDictionary dictionary;

    RateReader(AbbreviationDictionary dictionary) {
        this.dictionary = dictionary;
    }

    @Override
    public String apply(String text) {
        return Rewriter.replace(RATE, text, this::rate);
    }

    private String rate(Rewriter r) {
        String quantity = r.group(2);
        String lastWord = quantity.strip().replaceAll(".*[ \\t]", "");
        List<String> per = new ArrayList<>();
        for (String part : r.group(3).split("/")) {
            if (!part.isBlank()) {
                per.add(part.strip());
            }
        }
        if (UnitReader.isUnit(lastWord + "/" + per.get(0)) || dictionary.spoken(lastWord + "/" + per.get(0)) != null) {
            quantity = quantity + "/" + per.remove(0); // "km/h" is one unit, "Đ/c" one abbreviation
        }
        if (per.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(r.group(1)).append(quantity);
        per.forEach(p -> out.append(" một ").append(UnitReader.spokenOrSame(p)));
        return out.toString();
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.RATE;
    }
}
