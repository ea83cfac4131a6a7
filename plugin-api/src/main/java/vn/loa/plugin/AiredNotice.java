package vn.loa.plugin;

import java.time.Instant;
import java.util.List;

/**
 * A notice that has aired, as an {@link OutboundChannel} receives it.
 *
 * @param id       the announcement's id in Loa
 * @param priority {@code EMERGENCY}, {@code LIVE}, {@code SCHEDULED} or {@code BACKGROUND}
 * @param text     the text that was read, or null for recorded audio
 * @param zones    the zone ids it aired in
 * @param zoneNames the names of those zones, in the same order (for a message people read)
 * @param airedAt  when it finished airing
 * @param unit     the unit it belongs to (its author's), SPI 1.1; keep it with anything stored about the notice, so
 *                 that a request from another unit never sees or re-sends it ({@link PluginRequest#mayReach})
 */
public record AiredNotice(long id, String title, String text, String priority, List<String> zones,
        List<String> zoneNames, Instant airedAt, Unit unit) {

    public AiredNotice {
        zones = List.copyOf(zones);
        zoneNames = List.copyOf(zoneNames);
    }

    /** A notice without a unit (the shape of SPI 1.0, kept for source compatibility; Loa always sets the unit). */
    public AiredNotice(long id, String title, String text, String priority, List<String> zones,
            List<String> zoneNames, Instant airedAt) {
        this(id, title, text, priority, zones, zoneNames, airedAt, null);
    }
}
