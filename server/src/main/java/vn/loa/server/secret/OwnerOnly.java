package vn.loa.server.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders only the server's own user may read, made so from their first byte (keys, seals, signing stores).
 *
 * <p>On a file system without POSIX modes (not one Loa is installed on, but a developer's) they are made plain: the data
 * folder's own access rules guard them there.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates an empty file readable and writable by its owner alone; fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        try {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createFile(file);
        }
    }

    /** Creates a folder only its owner may enter: what a tool writes inside it is never readable by others. */
    public static Path createDirectory(Path dir) throws IOException {
        try {
            return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createDirectory(dir);
        }
    }

    /** Makes an existing file readable and writable by its owner alone (one a tool wrote with its own mode). */
    public static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // As in createFile: without POSIX modes, the data folder's access rules are what guards it.
            return;
        }
    }
}
