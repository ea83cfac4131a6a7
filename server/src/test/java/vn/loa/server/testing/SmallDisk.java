package vn.loa.server.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small disk of its own for a server's data folder: a tmpfs the test mounts (needs root), filled and freed at will.
 * Files are written, not sparse: tmpfs counts what is there.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code megabytes} on a new temporary folder. */
    public static SmallDisk mount(String prefix, int megabytes) throws Exception {
        Path folder = TempDirs.create(prefix);
        run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString());
        return new SmallDisk(folder);
    }

    public Path folder() {
        return folder;
    }

    /** Fills the disk until {@code leaveBytes} are left (0: to its last byte); returns the file to delete to free it. */
    public Path fill(long leaveBytes) throws IOException {
        Path filler = folder.resolve("filler.bin");
        long left = Files.getFileStore(folder).getUsableSpace() - leaveBytes;
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            f.seek(f.length());
            byte[] block = new byte[1 << 16];
            for (; left > 0; left -= block.length) {
                try {
                    f.write(block, 0, (int) Math.min(block.length, left));
                } catch (IOException full) {
                    break;
                }
            }
            if (leaveBytes == 0) {
                try {
                    while (true) {
                        f.write(block); // to the last byte, whatever the file system kept for itself
                    }
                } catch (IOException full) {
                    // full
                }
            }
        }
        return filler;
    }

    @Override
    public void close() throws Exception {
        run("umount", "-l", folder.toString());
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + said);
        }
    }
}
