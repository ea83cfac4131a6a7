package vn.loa.server.alert;

import java.util.List;

/**
 * The parts of a CAP 1.2 message Loa acts on, read from a document that passed the schema.
 *
 * @param references the earlier messages an Update or Cancel acts on ({@code sender,identifier,sent} triples)
 */
public record CapAlert(String identifier, String sender, String sent, String status, String msgType,
        List<Reference> references, List<Info> infos) {

    public CapAlert {
        references = List.copyOf(references);
        infos = List.copyOf(infos);
    }

    /** One earlier message named in {@code <references>}. */
    public record Reference(String sender, String identifier, String sent) {
    }

    /**
     * One {@code <info>} block: what happens, how urgent and severe, until when, and where.
     *
     * @param expires CAP's {@code <expires>} as written (a dateTime with its offset), or null
     */
    public record Info(String language, String event, String urgency, String severity, String headline,
            String description, String instruction, String expires, List<Area> areas) {

        public Info {
            areas = List.copyOf(areas);
        }
    }

    /**
     * One {@code <area>}: its description, its geocodes, and its shapes as CAP writes them ({@code <polygon>}: "lat,lon
     * lat,lon ..."; {@code <circle>}: "lat,lon radius_km").
     */
    public record Area(String areaDesc, List<Geocode> codes, List<String> polygons, List<String> circles) {

        public Area {
            codes = List.copyOf(codes);
            polygons = List.copyOf(polygons);
            circles = List.copyOf(circles);
        }

        /** The values of the geocodes. */
        public List<String> geocodes() {
            return codes.stream().map(Geocode::value).toList();
        }
    }

    /** One {@code <geocode>}: the scheme ({@code valueName}, e.g. VN-MADVHC) and the code. */
    public record Geocode(String valueName, String value) {
    }

    /** The info to read aloud: the first in Vietnamese, else the first of all; null when there is none. */
    public Info spokenInfo() {
        return infos.stream().filter(i -> i.language() != null && i.language().toLowerCase(java.util.Locale.ROOT)
                .startsWith("vi")).findFirst().orElse(infos.isEmpty() ? null : infos.get(0));
    }
}
