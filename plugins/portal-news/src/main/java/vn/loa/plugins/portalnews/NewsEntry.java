package vn.loa.plugins.portalnews;

import java.time.Instant;

/**
 * One piece of news as a source lists it, before it becomes a content item.
 *
 * @param key       the feed's guid or id, else the link, else the title
 * @param summary   the clean text the listing gives (may be empty)
 * @param published when the source says it was published, or null
 */
record NewsEntry(String key, String title, String link, String summary, Instant published) {
}
