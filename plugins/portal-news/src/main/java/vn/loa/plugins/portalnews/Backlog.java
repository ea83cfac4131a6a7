package vn.loa.plugins.portalnews;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The news a source already held when the plugin first read it: with {@code skipExisting}, those items are old news
 * and never proposed, so enabling the plugin does not bury the clerk under last year's articles. Only what appears
 * later is proposed. Kept in the plugin's data folder; used from the plugin's thread only.
 */
final class Backlog {

    private final Path file;
    private final Properties known;
    private boolean changed;

    Backlog(Path folder) {
        this.file = folder.resolve("backlog.properties");
        this.known = StoredProperties.load(file);
    }

    /** The entries of {@code source} that are news: all but its backlog, which is taken at its first reading. */
    List<NewsEntry> news(String source, List<NewsEntry> entries) {
        if (!known.containsKey("source:" + source)) {
            known.setProperty("source:" + source, "1");
            entries.forEach(e -> known.setProperty("item:" + e.key(), "1"));
            changed = true;
            return List.of();
        }
        return entries.stream().filter(e -> !known.containsKey("item:" + e.key())).toList();
    }

    void saveIfChanged() {
        if (changed) {
            StoredProperties.save(file, known, "portal-news: what each source held when first read (never proposed)");
            changed = false;
        }
    }
}
