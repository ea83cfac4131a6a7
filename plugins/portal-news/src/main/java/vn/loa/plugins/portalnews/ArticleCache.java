package vn.loa.plugins.portalnews;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the plugin has seen: the text of each article it fetched, by key, kept in its data folder so that a restart
 * neither fetches them again nor loses them. Used from the plugin's thread only.
 */
final class ArticleCache {

    private final Path file;
    private final Properties texts = new Properties();

    ArticleCache(Path folder) {
        this.file = folder.resolve("seen-articles.properties");
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                texts.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged file only means fetching the articles again.
                texts.clear();
            }
        }
    }

    String get(String key) {
        return texts.getProperty(key);
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    void put(String key, String text) {
        texts.setProperty(key, text);
    }

    /** Writes the cache out (atomically: a crash leaves the old file or the new one). */
    void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                texts.store(out, "portal-news: article texts by item key");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return texts.size();
    }
}
