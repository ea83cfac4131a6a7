package vn.loa.plugin;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a {@link ContentSource} found that could become a notice: Loa stores it as a DRAFT announcement for a
 * clerk to review, once per {@code key}.
 *
 * @param key       stable and unique within the plugin (a feed item's guid, a page's URL); Loa remembers the keys it
 *                  has seen and never proposes one twice, also across restarts
 * @param title     a short title (at most 200 characters are kept)
 * @param text      clean plain text, as it would be read aloud
 * @param link      where it came from, or null
 * @param published when the source says it was published, or null
 * @param zones     the zones it is meant for (ids); empty is refused
 */
public record ContentItem(String key, String title, String text, String link, Instant published, List<String> zones) {

    public ContentItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        zones = List.copyOf(zones);
    }
}
