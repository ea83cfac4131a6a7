package vn.loa.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web UI's two dictionaries: every word the pages ask for exists in Vietnamese and in English. */
class LanguagesTest {

    static final Path WEBROOT = Path.of("src/main/resources/webroot/js");
    static final Pattern ENTRY = Pattern.compile("^\\s*'?([\\w.]+)'?\\s*:", Pattern.MULTILINE);
    static final Pattern LITERAL_KEY = Pattern.compile("\\bt\\('([\\w.]+)'");

    static Set<String> keys(String file) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = ENTRY.matcher(Files.readString(WEBROOT.resolve("lang").resolve(file)));
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    @Test
    void everyVietnameseWordHasItsEnglishOne() throws IOException {
        assertThat(keys("en.js")).containsAll(keys("vi.js"));
    }

    @Test
    void everyWordAPageAsksForByNameIsInTheVietnameseDictionary() throws IOException {
        Set<String> asked = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEBROOT)) {
            // The dictionaries and i18n.js itself only describe t(); the pages are the ones that ask.
            for (Path file : files.filter(f -> f.toString().endsWith(".js") && !f.startsWith(WEBROOT.resolve("lang"))
                    && !f.endsWith("i18n.js")).toList()) {
                Matcher m = LITERAL_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).isNotEmpty();
        assertThat(keys("vi.js")).containsAll(asked);
    }
}
