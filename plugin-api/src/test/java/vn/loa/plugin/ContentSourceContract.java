package vn.loa.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a plugin with a {@link ContentSource} must do; its working settings must point at some content. */
public interface ContentSourceContract extends PluginContract {

    @Test
    default void pollFindsItemsWithKeysTitlesTextAndZones() throws Exception {
        Plugin plugin = plugin();
        plugin.start(new RecordingContext(plugin.validate(workingSettings())));
        try {
            ContentSource source = plugin.contentSource().orElseThrow();
            assertTrue(source.interval().toMillis() > 0);
            List<ContentItem> items = source.poll();
            assertFalse(items.isEmpty(), "the working settings should lead to some content");
            assertTrue(items.size() <= PluginApi.ITEMS_PER_POLL);
            for (ContentItem item : items) {
                assertFalse(item.key().isBlank());
                assertFalse(item.title().isBlank());
                assertFalse(item.text().isBlank());
                assertFalse(item.zones().isEmpty());
                assertFalse(item.text().contains("<"), "clean text, no markup: " + item.text());
            }
        } finally {
            plugin.stop();
        }
    }

    /** Keys must not depend on the plugin's memory: two fresh instances see the same content under the same keys. */
    @Test
    default void theSameContentKeepsItsKeysAcrossRestarts() throws Exception {
        assertEquals(keysOfOnePoll(), keysOfOnePoll());
    }

    private List<String> keysOfOnePoll() throws Exception {
        Plugin plugin = plugin();
        plugin.start(new RecordingContext(plugin.validate(workingSettings())));
        try {
            return plugin.contentSource().orElseThrow().poll().stream().map(ContentItem::key).sorted().toList();
        } finally {
            plugin.stop();
        }
    }
}
