package vn.loa.server.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL database, saved with {@code pg_dump} (one consistent snapshot while the server runs) in its custom
 * format and loaded with {@code pg_restore}; both from the {@code postgresql-client} package.
 */
final class PostgresCopy implements DatabaseCopy {

    private final String url;
    private final String user;
    private final String password;

    PostgresCopy(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public String entryName() {
        return "database/postgres.dump";
    }

    @Override
    public void save(Path target) throws BackupException {
        List<String> cmd = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + target));
        cmd.addAll(connection());
        run(cmd, "pg_dump");
    }

    @Override
    public void checkEmpty() throws BackupException {
        try (Connection c = DriverManager.getConnection(url, user, password);
                ResultSet r = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
            if (r.next()) {
                throw new BackupException("cơ sở dữ liệu PostgreSQL " + withoutQuery() + " đã có dữ liệu Loa (not "
                        + "empty): khôi phục chỉ vào một cơ sở dữ liệu trống (createdb)");
            }
        } catch (SQLException e) {
            throw new BackupException("không kết nối được PostgreSQL " + withoutQuery() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void load(Path saved) throws BackupException {
        List<String> cmd = new ArrayList<>(List.of("pg_restore", "--no-owner", "--exit-on-error"));
        cmd.addAll(connection());
        cmd.add(saved.toString());
        run(cmd, "pg_restore");
    }

    /** {@code jdbc:postgresql://host:port/db} as pg_dump's options. */
    List<String> connection() {
        URI uri = URI.create(withoutQuery().substring("jdbc:".length()));
        List<String> opts = new ArrayList<>();
        opts.add("--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()));
        if (uri.getPort() > 0) {
            opts.add("--port=" + uri.getPort());
        }
        if (!user.isEmpty()) {
            opts.add("--username=" + user);
        }
        opts.add("--dbname=" + uri.getPath().substring(1));
        return opts;
    }

    private String withoutQuery() {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private void run(List<String> cmd, String program) throws BackupException {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            // The password through the environment: never on a command line other users can read.
            pb.environment().put("PGPASSWORD", password);
            Path log = Files.createTempFile("loa-" + program + "-", ".log");
            Process p = pb.redirectOutput(log.toFile()).start();
            boolean ended = p.waitFor(6, TimeUnit.HOURS);
            if (!ended) {
                p.destroyForcibly();
            }
            String said = Files.readString(log, StandardCharsets.UTF_8).strip();
            Files.delete(log);
            if (!ended || p.exitValue() != 0) {
                throw new BackupException(program + " thất bại (failed): " + said);
            }
        } catch (IOException e) {
            throw new BackupException("không chạy được " + program + " (not installed?): sudo apt-get install "
                    + "postgresql-client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(program + " bị ngắt (interrupted)", e);
        }
    }
}
