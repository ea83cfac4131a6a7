package vn.loa.server.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final LoaVersion THIS = new LoaVersion("0.2.0");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    private Path data;
    private Path file;

    @BeforeEach
    void aDataDirWithADatabaseAndFiles() throws Exception {
        data = tmp.resolve("data");
        try (Connection c = DriverManager.getConnection(h2(data), "", "")) {
            c.createStatement().execute("CREATE TABLE \"flyway_schema_history\"(v INT)");
            c.createStatement().execute("CREATE TABLE announcement(id INT PRIMARY KEY, title VARCHAR(100))");
            c.createStatement().execute("INSERT INTO announcement VALUES (1, 'Họp thôn lúc 7h30'), (2, 'Tiêm phòng')");
        }
        Files.createDirectories(data.resolve("audio"));
        Files.write(data.resolve("audio/42.wav"), new byte[] {1, 2, 3, 4});
        Files.writeString(data.resolve("audit-signing.key"), "secret");
        Files.createDirectories(data.resolve("backups"));
        Files.writeString(data.resolve("backups/yesterday.zip"), "an earlier backup, never inside the next one");
        file = tmp.resolve("backups/loa.zip");
        Files.createDirectories(file.getParent());
    }

    @Test
    void aBackupRestoredIntoAnEmptyDirHasEveryRowAndFile() throws Exception {
        BackupManifest made = backup(THIS);
        assertThat(made.loaVersion()).isEqualTo(THIS);
        assertThat(made.entries()).extracting(BackupManifest.Entry::name)
                .containsExactly("database/loa.mv.db", "data/audio/42.wav",
                        "data/audit-signing.key");
        assertThat(file.resolveSibling("loa.zip.part")).doesNotExist();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");

        Path restored = tmp.resolve("restored");
        new Restore(restored, new H2Copy(h2(restored)), THIS).from(file);
        try (Connection c = DriverManager.getConnection(h2(restored), "", "");
                ResultSet r = c.createStatement().executeQuery("SELECT title FROM announcement ORDER BY id")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("Họp thôn lúc 7h30");
            assertThat(r.next()).isTrue();
        }
        assertThat(Files.readAllBytes(restored.resolve("audio/42.wav"))).containsExactly(1, 2, 3, 4);
        assertThat(restored.resolve("audit-signing.key")).hasContent("secret");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(restored.resolve("audit-signing.key")))).isEqualTo("rw-------");
    }

    @Test
    void aNonEmptyDataDirIsRefusedAndLeftAsItWas() throws Exception {
        backup(THIS);
        Path busy = tmp.resolve("busy");
        Files.createDirectories(busy);
        Files.writeString(busy.resolve("keep.txt"), "mine");
        assertThatThrownBy(() -> new Restore(busy, new H2Copy(h2(busy)), THIS).from(file))
                .isInstanceOf(BackupException.class).hasMessageContaining("not empty");
        try (var inside = Files.list(busy)) {
            assertThat(inside.toList()).containsExactly(busy.resolve("keep.txt"));
        }
    }

    @Test
    void aBackupFromANewerLoaIsRefused() throws Exception {
        backup(new LoaVersion("0.3.0"));
        Path empty = tmp.resolve("empty");
        assertThatThrownBy(() -> new Restore(empty, new H2Copy(h2(empty)), THIS).from(file))
                .isInstanceOf(BackupException.class).hasMessageContaining("newer Loa").hasMessageContaining("0.3.0");
        assertThat(empty).doesNotExist();
    }

    @Test
    void aTruncatedBackupIsRefusedBeforeAnythingIsWritten() throws Exception {
        backup(THIS);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        Path empty = tmp.resolve("empty");
        assertThatThrownBy(() -> new Restore(empty, new H2Copy(h2(empty)), THIS).from(file))
                .isInstanceOf(BackupException.class).hasMessageContaining("truncated");
        assertThat(empty).doesNotExist();
    }

    @Test
    void aBackupWithADamagedEntryIsRefusedBeforeAnythingIsWritten() throws Exception {
        backup(THIS);
        byte[] bytes = Files.readAllBytes(file);
        // Inside the first entry's data (the database), past its local header.
        bytes[200] ^= 0x5A;
        Files.write(file, bytes);
        Path empty = tmp.resolve("empty");
        assertThatThrownBy(() -> new Restore(empty, new H2Copy(h2(empty)), THIS).from(file))
                .isInstanceOf(BackupException.class).hasMessageContaining("corrupt");
        assertThat(empty).doesNotExist();
    }

    @Test
    void aFileThatIsNoLoaBackupIsRefused() throws IOException {
        Files.writeString(file, "not a zip at all");
        Path empty = tmp.resolve("empty");
        assertThatThrownBy(() -> new Restore(empty, new H2Copy(h2(empty)), THIS).from(file))
                .isInstanceOf(BackupException.class).hasMessageContaining("corrupt or truncated");
    }

    @Test
    void versionsOrderAsReleasesDo() {
        assertThat(new LoaVersion("0.1.0-SNAPSHOT")).isLessThan(new LoaVersion("0.1.0"));
        assertThat(new LoaVersion("0.10.0")).isGreaterThan(new LoaVersion("0.9.3"));
        assertThat(new LoaVersion("1.0.0")).isGreaterThan(new LoaVersion("0.99.0-SNAPSHOT"));
        assertThat(new LoaVersion("0.1.0").compareTo(new LoaVersion("0.1.0"))).isZero();
    }

    private BackupManifest backup(LoaVersion version) throws BackupException {
        return new Backup(data, new H2Copy(h2(data)), false, version, CLOCK).writeTo(file);
    }

    private static String h2(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("loa") + ";DB_CLOSE_ON_EXIT=FALSE";
    }
}
