package vn.loa.plugins.iotalerts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import vn.loa.plugin.Alert;

/**
 * An admin's rule: readings on {@code topic} trip it when they reach {@code trip} (from below for a rising rule,
 * from above for a falling one), and it arms again only once they are back past {@code clear}: the band between the
 * two is the hysteresis that keeps a reading jittering around the threshold from raising alert after alert.
 *
 * @param field the JSON field holding the value in a payload like {@code {"value": 3.2}}, or null for a bare number
 */
record Rule(String id, String topic, Kind kind, String field, boolean rising, double trip, double clear,
        Alert.Level level, List<String> zones, String place, String title, String text) {

    /** True when {@code value} trips an armed rule. */
    boolean trips(double value) {
        return rising ? value >= trip : value <= trip;
    }

    /** True when {@code value} re-arms a tripped rule. */
    boolean clears(double value) {
        return rising ? value <= clear : value >= clear;
    }

    /** The alert for one event: {@code eventKey} names it (the rule and the time it tripped). */
    Alert alert(String eventKey, double value) {
        return new Alert(eventKey, level, fill(title, value), fill(text, value), zones);
    }

    private String fill(String template, double value) {
        return template.replace("{value}", spoken(value)).replace("{threshold}", spoken(trip))
                .replace("{place}", place).replace("{unit}", kind.unit);
    }

    /** A number as Vietnamese writes it: a decimal comma, at most two decimals ("3,25"). */
    static String spoken(double value) {
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi")));
        return format.format(value);
    }
}
