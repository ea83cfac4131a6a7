package vn.loa.tts.normalize;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loa's administrative dictionary: ministries, provincial departments, courts, commune services, national target
 * programmes, diseases and road classes, each group with the documents its official names come from
 * ({@code administrative-dictionary.tsv}).
 *
 * <p>Immutable and thread-safe; loaded once. Each group has a {@link Scope}: where in a notice its codes are read so.
 */
public final class AdministrativeDictionary {

    /** Where the normaliser reads a group's codes. */
    public enum Scope {
        /** Anywhere in a notice, as abbreviations. */
        TEXT,
        /** Only as the issuer inside a document number ("TT-BYT"). */
        ISSUER,
        /** Only before a road number ("ĐT 605"). */
        ROAD
    }

    /** One group of entries and the documents its names are taken from. */
    public record Group(String name, Scope scope, String source, Map<String, String> entries) {
    }

    private static final String RESOURCE = "administrative-dictionary.tsv";
    private static final AdministrativeDictionary BUILT_IN = new AdministrativeDictionary(load());

    private final List<Group> groups;

    private AdministrativeDictionary(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    /** The dictionary Loa ships. */
    public static AdministrativeDictionary builtIn() {
        return BUILT_IN;
    }

    public List<Group> groups() {
        return groups;
    }

    /** Every code of the groups of this scope, in file order (a later group does not replace an earlier code). */
    public Map<String, String> entries(Scope scope) {
        Map<String, String> all = new LinkedHashMap<>();
        groups.stream().filter(g -> g.scope() == scope).forEach(g -> g.entries().forEach(all::putIfAbsent));
        return all;
    }

    private static List<Group> load() {
        List<Group> groups = new ArrayList<>();
        try (InputStream in = AdministrativeDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the loa-tts jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] head = null;
            Map<String, String> entries = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (line.startsWith("@group ")) {
                    if (head != null) {
                        groups.add(group(head, entries));
                    }
                    if (parts.length != 3 || parts[2].isBlank()) {
                        throw new IllegalStateException(RESOURCE + ": a group needs a name, a scope and its sources: '"
                                + line + "'");
                    }
                    head = parts;
                    entries = new LinkedHashMap<>();
                } else if (head == null || parts.length != 2 || entries.put(parts[0], parts[1]) != null) {
                    throw new IllegalStateException(RESOURCE + ": expected one 'CODE<TAB>spoken' per code, in a group,"
                            + " but got '" + line + "'");
                }
            }
            if (head != null) {
                groups.add(group(head, entries));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return groups;
    }

    private static Group group(String[] head, Map<String, String> entries) {
        return new Group(head[0].substring("@group ".length()).strip(),
                Scope.valueOf(head[1].strip().toUpperCase(java.util.Locale.ROOT)), head[2].strip(), Map.copyOf(entries));
    }
}
