package vn.loa.plugin;

import java.time.Duration;
import java.util.List;

/** A plugin part that finds content (news, bulletins) for clerks to review; Loa asks it at its own pace. */
public interface ContentSource {

    /** How long Loa waits between two calls of {@link #poll}. */
    Duration interval();

    /**
     * Looks for content and returns what it found; Loa drops keys it has seen before, so returning an item again is
     * harmless. Loa takes at most {@link PluginApi#ITEMS_PER_POLL} items from one call and reports more as flooding.
     */
    List<ContentItem> poll() throws Exception;
}
