package vn.loa.server.alert;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The languages a zone hears alerts in (ADR 0051), in order, Vietnamese first: its own list, else that of the nearest
 * zone above with one, else Vietnamese alone. Blocking (JDBC, on the caller's handle).
 */
final class ZoneLanguages {

    static final String VIETNAMESE = "vi";

    private ZoneLanguages() {
    }

    /** The zone's languages. */
    static List<String> of(Handle h, String zoneId) {
        String own = h.createQuery("SELECT a.alert_languages FROM zone z JOIN zone a ON LEFT(z.path, LENGTH(a.path)) "
                        + "= a.path WHERE z.id = :id AND a.alert_languages IS NOT NULL ORDER BY LENGTH(a.path) DESC")
                .bind("id", zoneId).mapTo(String.class).findFirst().orElse(VIETNAMESE);
        return Arrays.stream(own.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The zones grouped by their languages, groups in the order of their first zone. */
    static Map<List<String>, List<String>> grouped(Handle h, List<String> zoneIds) {
        Map<List<String>, List<String>> groups = new LinkedHashMap<>();
        for (String zone : zoneIds) {
            groups.computeIfAbsent(of(h, zone), k -> new java.util.ArrayList<>()).add(zone);
        }
        return groups;
    }

    /** The primary language of a CAP {@code <language>} ("vi-VN" is "vi"); CAP's default is en-US. */
    static String primary(String capLanguage) {
        String tag = capLanguage == null || capLanguage.isBlank() ? "en-US" : capLanguage.strip();
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }
}
