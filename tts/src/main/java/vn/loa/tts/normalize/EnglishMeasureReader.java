package vn.loa.tts.normalize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads money, percentages and measurements in English notices: "50,000 VND", "50.000đ", "VND 2 million",
 * "$5.50", "50k", "15%", "2.5 km", "-2°C", "1 ha".
 *
 * <p>Stateless. Vietnamese money is "dong", which has no plural ("fifty thousand dong"); a unit after exactly 1 is
 * singular ("one kilometer"). US spelling, as the English voices are American.
 */
final class EnglishMeasureReader implements TextRule {

    /** "1,500", "1.500.000", "2.5", "2,5", "15": see {@link EnglishNumbers#number}. Group repetitions are bounded. */
    static final String NUMBER = "(?<![\\d.,])(\\d{1,3}(?:[.,]\\d{3}){1,6}(?:[.,]\\d{1,6})?|\\d{1,18}(?:[.,]\\d{1,6})?)"
            + "(?![.,]?\\d)";
    private static final String SCALE = "(?:\\s*(k|K|thousand|million|billion|mil|tr)(?![\\p{L}]))?";
    private static final String DONG = "(?:VNĐ|VND|vnđ|vnd|đồng|dong|đ)(?![\\p{L}])";
    private static final Pattern DONG_AFTER = Pattern.compile(NUMBER + SCALE + "\\s*" + DONG);
    private static final Pattern DONG_BEFORE = Pattern.compile("(?<![\\p{L}])(?:VND|VNĐ)\\s*" + NUMBER + SCALE);
    private static final Pattern DOLLARS = Pattern.compile("(?<![\\p{L}\\d])(?:US)?\\$\\s?" + NUMBER + SCALE
            + "|" + NUMBER + SCALE + "\\s*USD(?![\\p{L}])");
    private static final Pattern PERCENT = Pattern.compile(NUMBER + "\\s*%");
    private static final Pattern THOUSANDS = Pattern.compile(NUMBER + "(k|K)(?![\\p{L}\\d])");

    /** Written unit, then its singular and plural; longest spellings first. */
    private static final Map<String, String[]> UNITS = new LinkedHashMap<>();

    static {
        String[][] table = {
            {"km/h", "kilometer per hour", "kilometers per hour"}, {"kWh", "kilowatt hour", "kilowatt hours"},
            {"km²", "square kilometer", "square kilometers"}, {"km2", "square kilometer", "square kilometers"},
            {"m²", "square meter", "square meters"}, {"m2", "square meter", "square meters"},
            {"m³", "cubic meter", "cubic meters"}, {"m3", "cubic meter", "cubic meters"},
            {"°C", "degree Celsius", "degrees Celsius"}, {"ºC", "degree Celsius", "degrees Celsius"},
            {"℃", "degree Celsius", "degrees Celsius"}, {"°F", "degree Fahrenheit", "degrees Fahrenheit"},
            {"°", "degree", "degrees"}, {"mm", "millimeter", "millimeters"}, {"cm", "centimeter", "centimeters"},
            {"km", "kilometer", "kilometers"}, {"ha", "hectare", "hectares"}, {"kg", "kilogram", "kilograms"},
            {"mg", "milligram", "milligrams"}, {"ml", "milliliter", "milliliters"}, {"kW", "kilowatt", "kilowatts"},
            {"MW", "megawatt", "megawatts"}, {"mins", "minute", "minutes"}, {"min", "minute", "minutes"},
            {"hrs", "hour", "hours"}, {"hr", "hour", "hours"}, {"m", "meter", "meters"}, {"g", "gram", "grams"},
            {"l", "liter", "liters"}, {"L", "liter", "liters"}
        };
        for (String[] row : table) {
            UNITS.put(row[0], new String[] {row[1], row[2]});
        }
    }

    private static final Pattern MEASURE = Pattern.compile("(-|−)?" + NUMBER + "[ \\t]*("
            + UNITS.keySet().stream().map(Pattern::quote).collect(Collectors.joining("|")) + ")(?![\\p{L}\\d²³])");

    private final EnglishNumbers numbers;

    EnglishMeasureReader(EnglishNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(DONG_AFTER, text, r -> amount(r.group(1), r.group(2)) + " dong");
        out = Rewriter.replace(DONG_BEFORE, out, r -> amount(r.group(1), r.group(2)) + " dong");
        out = Rewriter.replace(DOLLARS, out, this::dollars);
        out = Rewriter.replace(PERCENT, out, r -> numbers.number(r.group(1)) + " percent");
        out = Rewriter.replace(MEASURE, out, this::measure);
        return Rewriter.replace(THOUSANDS, out, r -> numbers.number(r.group(1)) + " thousand");
    }

    private String amount(String number, String scale) {
        String words = numbers.number(number);
        if (scale == null) {
            return words;
        }
        return words + " " + switch (scale) {
            case "k", "K", "thousand" -> "thousand";
            case "million", "mil", "tr" -> "million";
            default -> "billion";
        };
    }

    private String dollars(Rewriter r) {
        String number = r.group(1) != null ? r.group(1) : r.group(3);
        String scale = r.group(1) != null ? r.group(2) : r.group(4);
        if (scale == null && number.matches("\\d+[.,]\\d{2}")) {
            String dollars = number.substring(0, number.length() - 3);
            int cents = Integer.parseInt(number.substring(number.length() - 2));
            return numbers.cardinal(dollars) + (dollars.equals("1") ? " dollar" : " dollars")
                    + (cents == 0 ? "" : " and " + numbers.cardinal(cents) + (cents == 1 ? " cent" : " cents"));
        }
        return amount(number, scale) + (number.equals("1") && scale == null ? " dollar" : " dollars");
    }

    private String measure(Rewriter r) {
        boolean negative = r.group(1) != null && UnitReader.isSignPosition(r);
        String[] unit = UNITS.get(r.group(3));
        String value = (negative ? "minus " : r.group(1) == null ? "" : r.group(1) + " ") + numbers.number(r.group(2));
        return value + " " + unit[r.group(2).equals("1") ? 0 : 1];
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        if (spoken.contains("percent")) {
            return TokenKind.PERCENT;
        }
        return spoken.contains("dong") || spoken.contains("dollar") ? TokenKind.MONEY : TokenKind.MEASURE;
    }
}
