package vn.loa.tts.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Written abbreviations and how to say them: "UBND" is "ủy ban nhân dân", "TP." is "thành phố".
 *
 * <p>Immutable and thread-safe. {@link #defaults()} holds the entries Loa ships (over 200 administrative, health,
 * farming and disaster terms, in {@code abbreviations.tsv}, and the codes of {@link AdministrativeDictionary} read
 * anywhere in a notice, where {@code abbreviations.tsv} has no entry for them);
 * {@link #with(Map)} adds a commune's own entries, which
 * win over the defaults. Keys are case-sensitive because "CA" (công an) is not "ca" (a shift).
 */
public final class AbbreviationDictionary {

    private static final String RESOURCE = "abbreviations.tsv";
    private static final AbbreviationDictionary DEFAULTS = new AbbreviationDictionary(load());

    private final Map<String, String> entries;

    private AbbreviationDictionary(Map<String, String> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The dictionary Loa ships. */
    public static AbbreviationDictionary defaults() {
        return DEFAULTS;
    }

    /**
     * A dictionary with these entries added to (and replacing) this one's.
     *
     * @throws IllegalArgumentException if a key or expansion is blank or a key contains whitespace
     */
    public AbbreviationDictionary with(Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(entries);
        extra.forEach((key, spoken) -> {
            Objects.requireNonNull(key, "abbreviation");
            Objects.requireNonNull(spoken, "spoken form of " + key);
            if (key.isBlank() || key.chars().anyMatch(Character::isWhitespace) || spoken.isBlank()) {
                throw new IllegalArgumentException("an abbreviation needs a key without spaces and a spoken form, got '"
                        + key + "' -> '" + spoken + "'");
            }
            merged.put(key.strip(), spoken.strip());
        });
        return new AbbreviationDictionary(merged);
    }

    /** All entries, written form to spoken form. */
    public Map<String, String> entries() {
        return entries;
    }

    /** The spoken form of an abbreviation, or null when it is not in the dictionary. */
    public String spoken(String written) {
        return entries.get(written);
    }

    private static Map<String, String> load() {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = AbbreviationDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the loa-tts jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length != 2) {
                    throw new IllegalStateException(RESOURCE + ": expected 'key<TAB>spoken' but got '" + line + "'");
                }
                map.put(parts[0], parts[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AdministrativeDictionary.builtIn().entries(AdministrativeDictionary.Scope.TEXT).forEach(map::putIfAbsent);
        return map;
    }
}
