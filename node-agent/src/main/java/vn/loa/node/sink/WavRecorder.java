package vn.loa.node.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import vn.loa.wire.pcm.PcmFrame;

/**
 * An {@link AudioSink} that records each take to its own WAV file in one directory: {@code
 * <announcement>-<yyyyMMdd-HHmmss>.wav}, or {@code stream-<yyyyMMdd-HHmmss>.wav} for audio nobody announced.
 *
 * <p>Used by the playout thread only. It records what arrived, before the node's volume: the files are the proof of
 * what the server sent, and a test or a technician compares them with the source. Times in names are the node's
 * local time, which is what a technician looking for "this morning's notice" expects.
 */
public final class WavRecorder implements AudioSink {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path directory;
    private final Clock clock;
    private WavFileWriter writer;
    private String stamp;

    public WavRecorder(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void open(String announcement, int sampleRate) throws IOException {
        if (writer != null) {
            finish();
        }
        stamp = LocalDateTime.now(clock).format(STAMP);
        String base = baseName(announcement);
        for (int n = 1; writer == null; n++) {
            try {
                writer = WavFileWriter.create(numbered(base, n), sampleRate);
            } catch (FileAlreadyExistsException e) {
                // a take resumed within the same second: number it
            }
        }
    }

    @Override
    public void announce(String announcement) throws IOException {
        if (writer == null) {
            return;
        }
        String base = baseName(announcement);
        for (int n = 1; ; n++) {
            try {
                writer.moveTo(numbered(base, n)); // Linux keeps writing to a renamed open file
                return;
            } catch (FileAlreadyExistsException e) {
                // numbered like a resumed take
            }
        }
    }

    private String baseName(String announcement) {
        return (announcement == null ? "stream" : safeName(announcement)) + "-" + stamp;
    }

    private Path numbered(String base, int n) {
        return directory.resolve(n == 1 ? base + ".wav" : base + "-" + n + ".wav");
    }

    @Override
    public void write(PcmFrame frame) throws IOException {
        if (writer == null) {
            throw new IllegalStateException("no take is open");
        }
        long gap = frame.timestamp() - writer.samples();
        if (gap > 0) {
            writer.writeSilence(gap);
        }
        writer.write(frame.samples());
    }

    @Override
    public String finish() throws IOException {
        if (writer == null) {
            return "nothing recorded";
        }
        WavFileWriter done = writer;
        writer = null;
        done.close();
        return "ghi vào / recorded to " + done.path().getFileName();
    }

    @Override
    public void volume(int level) {
        // Recordings keep the level that arrived; see the class comment.
    }

    @Override
    public String description() {
        return "ghi WAV vào / recording WAV files to " + directory.toAbsolutePath();
    }

    @Override
    public void close() {
        try {
            finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes an announcement id from the wire safe as a file name: no separators, no "..", nothing odd. */
    static String safeName(String announcement) {
        String safe = announcement.replaceAll("[^A-Za-z0-9_-]", "_");
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }

    /** Creates the directory if needed and checks that it can be written; the message says what is wrong. */
    public static Path prepare(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (!Files.isWritable(directory)) {
            throw new IOException("cannot write to " + directory);
        }
        return directory;
    }
}
