package vn.loa.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a {@link ContentSource} found that could become a notice or a board slide: Loa stores a notice as a DRAFT
 * announcement for a clerk to review, and a slide as a proposed slide for an approver to put on boards; once per
 * {@code key}.
 *
 * @param key       stable and unique within the plugin (a feed item's guid, a page's URL); Loa remembers the keys it
 *                  has seen and never proposes one twice, also across restarts
 * @param title     a short title (at most 200 characters are kept)
 * @param text      clean plain text, as it would be read aloud
 * @param link      where it came from, or null
 * @param published when the source says it was published, or null
 * @param zones     the zones it is meant for (ids); empty is refused for a notice, ignored for a slide (an approver
 *                  picks the boards)
 * @param target    what it should become; {@link Target#NOTICE} unless the plugin asks for a slide
 */
public record ContentItem(String key, String title, String text, String link, Instant published, List<String> zones,
        Target target) {

    /** What a content item becomes in Loa. */
    public enum Target {
        /** A DRAFT announcement, read aloud once approved. */
        NOTICE,
        /** A text slide proposed for display boards' playlists, shown once an approver picks the boards. */
        SLIDE
    }

    public ContentItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        zones = List.copyOf(zones);
        target = target == null ? Target.NOTICE : target;
    }

    /** A notice (the shape of API version 1, kept for source compatibility). */
    public ContentItem(String key, String title, String text, String link, Instant published, List<String> zones) {
        this(key, title, text, link, published, zones, Target.NOTICE);
    }
}
