package vn.loa.plugins.iotalerts;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a sensor value from an MQTT payload: a bare number ({@code 3.2}) or a JSON field ({@code {"value": 3.2}}). */
final class Readings {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:[.,]\\d+)?");

    private Readings() {
    }

    /** The value, or empty when the payload holds none (a sensor's status message, garbage). */
    static OptionalDouble value(String payload, String field) {
        if (payload == null) {
            return OptionalDouble.empty();
        }
        String text = payload.strip();
        if (field != null) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(field) + "\"\\s*:\\s*\"?(-?\\d+(?:\\.\\d+)?)").matcher(text);
            return m.find() ? OptionalDouble.of(Double.parseDouble(m.group(1))) : OptionalDouble.empty();
        }
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on")) {
            return OptionalDouble.of(1);
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("off")) {
            return OptionalDouble.of(0);
        }
        return NUMBER.matcher(text).matches() ? OptionalDouble.of(Double.parseDouble(text.replace(',', '.')))
                : OptionalDouble.empty();
    }
}
