package vn.loa.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PluginContext} for plugin tests: a temporary folder, the system clock, and the problems reported. */
public final class RecordingContext implements PluginContext {

    private final Settings settings;
    private final Path dataDir;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    public RecordingContext(Settings settings) {
        this(settings, newFolder());
    }

    /** A context whose data folder is {@code dataDir}: a restarted plugin finds what it kept. */
    public RecordingContext(Settings settings, Path dataDir) {
        this.settings = settings;
        this.dataDir = dataDir;
    }

    private static Path newFolder() {
        try {
            return Files.createTempDirectory("loa-plugin-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void degraded(String reason) {
        problems.add(reason);
    }

    @Override
    public void recovered() {
        problems.add("recovered");
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }
}
