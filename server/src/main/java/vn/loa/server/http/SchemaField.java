package vn.loa.server.http;

import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The request field a contract refusal is about, in the dotted form a form names its fields ({@code schedule.at}). */
final class SchemaField {

    private static final Pattern REQUIRED = Pattern.compile("required property \\\\?\"?'?([A-Za-z0-9_]+)");
    private static final Pattern AT = Pattern.compile(" at #(/[A-Za-z0-9_/]+)");

    private SchemaField() {
    }

    /** The field, or null when the refusal is about the whole body. */
    static String of(SchemaValidationException e) {
        return of(deepest(e.getOutputUnit()), e.getMessage());
    }

    /** The JSON pointer of the innermost value at fault ({@code /zones/0}), or null. */
    static String location(SchemaValidationException e) {
        return deepest(e.getOutputUnit());
    }

    /** The longest instance location among a result and the results it is made of: the innermost field at fault. */
    private static String deepest(OutputUnit unit) {
        if (unit == null) {
            return null;
        }
        String best = unit.getInstanceLocation();
        if (unit.getErrors() != null) {
            for (OutputUnit inner : unit.getErrors()) {
                String candidate = deepest(inner);
                if (candidate != null && (best == null || candidate.length() > best.length())) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    static String of(String location, String message) {
        if ((location == null || location.isEmpty() || location.equals("#")) && message != null) {
            Matcher at = AT.matcher(message);
            location = at.find() ? at.group(1) : location;
        }
        List<String> parts = new ArrayList<>();
        if (location != null) {
            for (String part : location.replaceFirst("^#", "").split("/")) {
                // Array positions (zones/0) name the array itself.
                if (!part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
                    parts.add(part);
                }
            }
        }
        Matcher required = REQUIRED.matcher(message == null ? "" : message);
        if (required.find()) {
            parts.add(required.group(1));
        }
        return parts.isEmpty() ? null : String.join(".", parts);
    }
}
