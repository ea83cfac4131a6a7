package vn.loa.display.screen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where uploaded board media live: {@code <data dir>/board-media/}, a picture as {@code <id>.img} (the bytes as
 * uploaded), a video as {@code <id>.webm} (transcoded for its board) with {@code <id>.png} (its poster).
 */
public final class MediaStore {

    private final Path dir;

    public MediaStore(Path dataDir) {
        this.dir = dataDir.resolve("board-media");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    public Path picture(String id) {
        return dir.resolve(id + ".img");
    }

    public Path video(String id) {
        return dir.resolve(id + ".webm");
    }

    public Path poster(String id) {
        return dir.resolve(id + ".png");
    }

    /** A scratch file for an upload being checked or transcoded. */
    public Path incoming(String id) {
        return dir.resolve(id + ".upload");
    }
}
