package vn.loa.server.alert;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Drills (issue 19): a CAP message whose status is Exercise or Test airs only on the zones an admin marked as drill
 * zones ({@code PUT /api/v1/zones/{id}/drill}), or nowhere, and is announced as one: the spoken text begins "Đây là
 * diễn tập", the title "[Diễn tập]", and the alert's outcome and the server log say drill.
 */
final class AlertDrills {

    static final String SPOKEN_PREFIX = "Đây là diễn tập. ";
    static final String TITLE_PREFIX = "[Diễn tập] ";

    private AlertDrills() {
    }

    static boolean isDrill(String status) {
        return "Exercise".equals(status) || "Test".equals(status);
    }

    /** The drill zones among {@code zones}, in their order. */
    static List<String> drillZones(Handle h, List<String> zones) {
        if (zones.isEmpty()) {
            return List.of();
        }
        List<String> drills = h.createQuery("SELECT id FROM zone WHERE drill AND id IN (<ids>)")
                .bindList("ids", zones).mapTo(String.class).list();
        return zones.stream().filter(drills::contains).toList();
    }

    static String headline(String headline) {
        return TITLE_PREFIX + headline;
    }

    static String spoken(String spoken) {
        return SPOKEN_PREFIX + spoken;
    }

    /** The drill's words in the block's language: Vietnamese, or English for any other. */
    static String spoken(String spoken, String language) {
        return ZoneLanguages.VIETNAMESE.equals(language) ? spoken(spoken) : "This is a drill. " + spoken;
    }
}
