package vn.loa.plugins.iotalerts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The rules tripped now, kept in the plugin's data folder: after a restart, water still high is not a new event. */
final class TrippedRules {

    private final Path file;

    TrippedRules(Path folder) {
        this.file = folder.resolve("tripped-rules.properties");
    }

    Map<String, Instant> load() {
        Map<String, Instant> out = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            p.stringPropertyNames().forEach(id -> out.put(id, Instant.parse(p.getProperty(id))));
        } catch (IOException | RuntimeException e) {
            // A damaged file means every rule starts armed.
            out.clear();
        }
        return out;
    }

    synchronized void save(Map<String, Instant> tripped) {
        Properties p = new Properties();
        tripped.forEach((id, at) -> p.setProperty(id, at.toString()));
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, "iot-alerts: rules tripped and not yet cleared");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
