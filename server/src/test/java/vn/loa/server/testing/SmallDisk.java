package vn.loa.server.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A small disk of its own for a server's data folder: a tmpfs the test mounts (needs root), filled and freed at will.
 * Files are written, not sparse: tmpfs counts what is there. The disk tests' one fixture: {@link #startServer} puts a
 * server on it, and {@link #close} stops that server before it unmounts.
 */
public final class SmallDisk implements AutoCloseable {

    /** The free space the server on the disk keeps for itself (disk.min.free), in MB. */
    public static final int SERVER_KEEPS_FREE_MB = 24;

    private final Path folder;
    private TestServer server;

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

    /** Starts a server on H2 whose data folder is this disk, keeping {@link #SERVER_KEEPS_FREE_MB} free. */
    public TestServer startServer() throws Exception {
        server = TestServer.onH2(Map.of("data.dir", folder.toString(),
                "disk.min.free", String.valueOf(SERVER_KEEPS_FREE_MB)));
        return server;
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

    /** Stops the server on the disk, if one was started, then unmounts it. */
    @Override
    public void close() throws Exception {
        if (server != null) {
            server.close();
        }
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
