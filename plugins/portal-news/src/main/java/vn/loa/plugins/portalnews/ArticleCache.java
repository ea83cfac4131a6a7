package vn.loa.plugins.portalnews;

import java.nio.file.Path;
import java.util.Properties;

/**
 * What the plugin has seen: the text of each article it fetched, by key, kept in its data folder so that a restart
 * neither fetches them again nor loses them. Used from the plugin's thread only.
 */
final class ArticleCache {

    private final Path file;
    private final Properties texts;

    ArticleCache(Path folder) {
        this.file = folder.resolve("seen-articles.properties");
        this.texts = StoredProperties.load(file);
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

    void save() {
        StoredProperties.save(file, texts, "portal-news: article texts by item key");
    }
}
