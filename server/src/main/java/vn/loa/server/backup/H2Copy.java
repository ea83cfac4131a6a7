package vn.loa.server.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The embedded H2 file, copied. While the server runs the file is append-only (ADR 0015), so a copy read from start
 * to end holds every chunk committed before the copy began and is opened like a file after a crash; the copy is then
 * opened read-only to prove it. (H2's {@code BACKUP TO} needs a connection, and the running server holds the file's
 * lock: only the server process itself could run it.)
 */
final class H2Copy implements DatabaseCopy {

    private final Path file;

    /** {@code url} is the server's {@code jdbc:h2:file:...} URL. */
    H2Copy(String url) {
        this.file = vn.loa.server.config.LoaConfig.h2File(url);
    }

    /** The database file, {@code <data dir>/loa.mv.db} by default. */
    Path file() {
        return file;
    }

    @Override
    public String kind() {
        return "h2";
    }

    @Override
    public String entryName() {
        return "database/loa.mv.db";
    }

    @Override
    public void save(Path target) throws BackupException {
        if (!Files.exists(file)) {
            throw new BackupException("chưa có cơ sở dữ liệu H2 " + file + " (no database yet): chạy Loa một lần trước");
        }
        try {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BackupException("không đọc được " + file + ": " + e.getMessage(), e);
        }
        String copy = target.toString().substring(0, target.toString().length() - ".mv.db".length());
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy
                + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0", "", "")) {
            c.createStatement().execute("SELECT COUNT(*) FROM \"flyway_schema_history\"");
        } catch (SQLException e) {
            throw new BackupException("bản sao cơ sở dữ liệu không mở được (copy unreadable): " + e.getMessage(), e);
        }
    }

    @Override
    public void checkEmpty() throws BackupException {
        if (Files.exists(file)) {
            throw new BackupException("đã có cơ sở dữ liệu " + file + " (database exists): khôi phục chỉ vào chỗ trống");
        }
    }

    @Override
    public void load(Path saved) throws BackupException {
        try {
            Files.createDirectories(file.getParent());
            Files.copy(saved, file);
        } catch (IOException e) {
            throw new BackupException("không ghi được " + file + ": " + e.getMessage(), e);
        }
    }
}
