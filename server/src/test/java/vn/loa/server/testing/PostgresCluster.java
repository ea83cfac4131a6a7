package vn.loa.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for the test JVM: {@code initdb} into a temporary folder, started on a free port of
 * 127.0.0.1, stopped and deleted when the JVM exits. Each caller gets a fresh database in it. The ITs run in several
 * JVMs at once (ADR 0036), each with a cluster of its own: about 2 s and half a second of CPU per JVM, and no server
 * to share, hand over or stop across processes.
 *
 * <p>Uses Debian's {@code postgresql} package ({@code .ci/run} installs it). PostgreSQL refuses to run as root, so
 * under root the server runs as the {@code postgres} user through {@code runuser}.
 */
public final class PostgresCluster {

    private static PostgresCluster shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path dir;
    private final Path bin;
    private final int port;

    private PostgresCluster(Path dir, Path bin, int port) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
    }

    /** The cluster of this JVM, started on first use. */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy, "postgres-cleanup"));
        }
        return shared;
    }

    /** A JDBC URL of a new, empty database owned by user {@code loa}. */
    public String newDatabase() {
        String name = "loa_test_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "loa", "");
             var st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    /** Runs a plain-SQL {@code pg_dump} file into the database of {@code url} with this cluster's {@code psql}. */
    public void load(String url, Path sqlFile) {
        String database = url.substring(url.lastIndexOf('/') + 1);
        run(List.of(bin.resolve("psql").toString(), "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "loa", "-d", database, "-f", sqlFile.toString()), false);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresCluster start() {
        Path bin = findBin();
        try {
            Path dir = Files.createTempDirectory("loa-pg-");
            int port = freePort();
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            Path data = dir.resolve("data");
            // --no-sync: a throwaway cluster need not wait for the disk (4 s down to under 2).
            run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "loa", "--auth=trust",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), root);
            for (int attempt = 1; ; attempt++) {
                try {
                    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60",
                            "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                                    + " -c listen_addresses=127.0.0.1 -c fsync=off", "start"), root);
                    return new PostgresCluster(dir, bin, port);
                } catch (IllegalStateException taken) {
                    // Another test JVM may have bound the free port first: try another.
                    if (attempt == 3) {
                        throw taken;
                    }
                    port = freePort();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the test PostgreSQL", e);
        }
    }

    private void destroy() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), root);
        } catch (RuntimeException e) {
            // Best effort at exit: the folder is removed below either way.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp folder is harmless.
        }
    }

    private static Path findBin() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL is not installed: the API suite runs on it too. "
                    + "Install it with: apt-get install -y postgresql (or run .ci/run)", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
