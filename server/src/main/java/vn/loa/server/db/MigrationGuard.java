package vn.loa.server.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.flywaydb.core.Flyway;

/**
 * Keeps the embedded H2 file as it was before this start's migrations and puts it back when one fails, so a failed
 * upgrade leaves the data untouched (H2 commits each DDL statement as it goes, unlike PostgreSQL, which rolls a
 * failed migration back by itself). The copy is made only when migrations are pending: after the append-only
 * compaction nothing has written yet, so the file is copied as it is.
 */
final class MigrationGuard {

    private final Path file;
    private final Path saved;

    private MigrationGuard(Path file, Path saved) {
        this.file = file;
        this.saved = saved;
    }

    /** Saves {@code h2File} beside itself when {@code flyway} has migrations to apply; null {@code h2File} saves none. */
    static MigrationGuard before(Flyway flyway, Path h2File) {
        if (h2File == null || !Files.exists(h2File) || flyway.info().pending().length == 0) {
            return new MigrationGuard(h2File, null);
        }
        Path saved = h2File.resolveSibling(h2File.getFileName() + ".before-upgrade");
        try {
            Files.copy(h2File, saved, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DatabaseUpgradeException("không chép được " + h2File + " trước khi nâng cấp (cannot save the "
                    + "database before migrating it): " + e.getMessage() + ". Chưa có gì thay đổi / nothing changed.", e);
        }
        return new MigrationGuard(h2File, saved);
    }

    /** The migrations succeeded: the saved copy goes. */
    void succeeded() {
        if (saved != null) {
            try {
                Files.deleteIfExists(saved);
            } catch (IOException e) {
                // a leftover copy; the next upgrade replaces it
            }
        }
    }

    /** A migration failed and the database is closed: puts the saved file back; the error to report. */
    DatabaseUpgradeException failed(RuntimeException cause) {
        String why = String.valueOf(cause.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        String back;
        if (saved == null) {
            back = "PostgreSQL đã hoàn tác mọi bước của lần nâng cấp này / PostgreSQL rolled back every migration of "
                    + "this upgrade";
        } else {
            try {
                Files.move(saved, file, StandardCopyOption.REPLACE_EXISTING);
                back = "dữ liệu đã được trả lại như trước khi nâng cấp / the database was put back as it was";
            } catch (IOException e) {
                back = "KHÔNG trả lại được / could NOT put the database back (" + e.getMessage() + "): chép " + saved
                        + " thành " + file + " bằng tay / copy it over by hand";
            }
        }
        return new DatabaseUpgradeException("Nâng cấp cơ sở dữ liệu thất bại / the database migration failed: " + why
                + ". " + back + ". Cài lại bản Loa trước đó và gửi journalctl -u loa cho bộ phận kỹ thuật / reinstall "
                + "the previous Loa and send the journal to your technical team (docs/operations.md).", cause);
    }
}
