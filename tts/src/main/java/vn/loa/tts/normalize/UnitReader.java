package vn.loa.tts.normalize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads measurements: "150mm", "60 km/h", "2,5 ha", "35°C", "-2°C", "10 m²".
 *
 * <p>Stateless. A unit is only read after a number, so "m" in a name or "ha" in a word is left alone. Units are
 * spoken the way weather and farming bulletins say them ("mi li mét", "héc ta", "độ xê").
 */
final class UnitReader implements TextRule {

    /** Longest spellings first, so "km/h" wins over "km" and "mm" over "m". */
    private static final Map<String, String> UNITS = new LinkedHashMap<>();

    static {
        String[][] table = {
            {"km/h", "ki lô mét trên giờ"}, {"km/giờ", "ki lô mét một giờ"}, {"m/s", "mét trên giây"},
            {"kWh", "ki lô oát giờ"}, {"km²", "ki lô mét vuông"}, {"km2", "ki lô mét vuông"},
            {"m²", "mét vuông"}, {"m2", "mét vuông"}, {"m³", "mét khối"}, {"m3", "mét khối"},
            {"°C", "độ xê"}, {"ºC", "độ xê"}, {"℃", "độ xê"}, {"độ C", "độ xê"}, {"°F", "độ ép"}, {"°", "độ"},
            {"mm", "mi li mét"}, {"cm", "xăng ti mét"}, {"km", "ki lô mét"}, {"ha", "héc ta"},
            {"kg", "ki lô gam"}, {"mg", "mi li gam"}, {"ml", "mi li lít"}, {"kW", "ki lô oát"},
            {"MW", "mê ga oát"}, {"kV", "ki lô vôn"}, {"MHz", "mê ga héc"}, {"kHz", "ki lô héc"}, {"Hz", "héc"},
            {"GB", "gi ga bai"}, {"MB", "mê ga bai"}, {"ppm", "phần triệu"},
            {"m", "mét"}, {"g", "gam"}, {"l", "lít"}, {"W", "oát"}, {"V", "vôn"}
        };
        for (String[] row : table) {
            UNITS.put(row[0], row[1]);
        }
    }

    private static final String ALTERNATIVES = UNITS.keySet().stream().map(Pattern::quote)
            .collect(Collectors.joining("|"));
    private static final Pattern MEASURE = Pattern.compile("(-|−)?" + NumberPatterns.NUMBER
            + "[ \\t]*(" + ALTERNATIVES + ")(?![\\p{L}\\d²³])");

    /** Units that mean nothing else, read even without a number ("95% km đường"); "m" or "ha" alone could be words. */
    private static final Pattern STANDALONE = Pattern.compile(
            "(?<![\\p{L}\\d])(km/h|km2|km²|km|kg|mm|cm|m2|m²|m3|m³|kWh)(?![\\p{L}\\d²³/])");

    private final NumberReader numbers;

    UnitReader(NumberReader numbers) {
        this.numbers = numbers;
    }

    @Override
    public String apply(String text) {
        String out = Rewriter.replace(MEASURE, text, this::measure);
        return Rewriter.replace(STANDALONE, out, r -> UNITS.get(r.group(1)));
    }

    /** The spoken unit for a written one, or the word itself when it is not a unit ("người", "năm"). */
    static String spokenOrSame(String written) {
        return UNITS.getOrDefault(written, written);
    }

    static boolean isUnit(String written) {
        return UNITS.containsKey(written);
    }

    private String measure(Rewriter r) {
        boolean negative = r.group(1) != null && isSignPosition(r);
        String value = (negative ? "âm " : r.group(1) == null ? "" : r.group(1) + " ") + numbers.number(r.group(2));
        return value + " " + UNITS.get(r.group(3));
    }

    /** A minus sign right after a space or the start is a sign; after a digit it is a dash ("5-10m"). */
    static boolean isSignPosition(Rewriter r) {
        int at = r.match().start();
        return at == 0 || !Character.isLetterOrDigit(r.text().charAt(at - 1));
    }

    @Override
    public TokenKind kind(String written, String spoken) {
        return TokenKind.MEASURE;
    }
}
