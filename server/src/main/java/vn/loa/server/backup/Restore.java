package vn.loa.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Restores a backup into an empty data folder (and an empty database). Everything is checked first: the file is a
 * complete archive, its manifest's version is not newer than this Loa, every entry has its size and SHA-256; only
 * then is anything written. Restored files get the data folder's owner (a restore run as root leaves them to
 * {@code loa}).
 */
public final class Restore {

    private final Path dataDir;
    private final DatabaseCopy database;
    private final LoaVersion version;

    Restore(Path dataDir, DatabaseCopy database, LoaVersion version) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.database = database;
        this.version = version;
    }

    /** Restores {@code file}; returns its manifest. */
    public BackupManifest from(Path file) throws BackupException {
        try (ZipFile zip = open(file)) {
            BackupManifest manifest = check(zip);
            checkEmpty();
            database.checkEmpty();
            Files.createDirectories(dataDir);
            PosixFileAttributes owner = Files.readAttributes(dataDir, PosixFileAttributes.class);
            Path dbCopy = Files.createTempFile(dataDir, ".restore-", ".db");
            try {
                copy(zip, database.entryName(), dbCopy);
                database.load(dbCopy);
            } finally {
                Files.deleteIfExists(dbCopy);
            }
            for (BackupManifest.Entry e : manifest.entries()) {
                if (e.name().startsWith("data/")) {
                    copy(zip, e.name(), inside(e.name().substring("data/".length())));
                }
            }
            giveTo(owner);
            return manifest;
        } catch (IOException e) {
            throw new BackupException("không khôi phục được vào " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static ZipFile open(Path file) throws BackupException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("không có tệp sao lưu " + file + " (no such file)");
        }
        try {
            return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            throw new BackupException("tệp sao lưu hỏng hoặc bị cắt cụt (corrupt or truncated): " + file, e);
        } catch (IOException e) {
            throw new BackupException("không đọc được " + file + ": " + e.getMessage(), e);
        }
    }

    /** The manifest, once every entry it names matches its size and digest. */
    private BackupManifest check(ZipFile zip) throws BackupException {
        ZipEntry m = zip.getEntry(BackupManifest.NAME);
        if (m == null) {
            throw new BackupException("không phải bản sao lưu của Loa: thiếu manifest.json (not a Loa backup)");
        }
        BackupManifest manifest;
        try (InputStream in = zip.getInputStream(m)) {
            manifest = BackupManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BackupException("tệp sao lưu hỏng (corrupt): " + e.getMessage(), e);
        }
        if (manifest.format() != BackupManifest.FORMAT) {
            throw new BackupException("định dạng sao lưu " + manifest.format() + " không được hỗ trợ (unsupported)");
        }
        if (manifest.loaVersion().compareTo(version) > 0) {
            throw new BackupException("bản sao lưu do Loa " + manifest.loaVersion() + " tạo, mới hơn Loa "
                    + version + " này (backup from a newer Loa): hãy nâng cấp Loa trước khi khôi phục");
        }
        if (!manifest.database().equals(database.kind())) {
            throw new BackupException("bản sao lưu chứa cơ sở dữ liệu " + manifest.database() + " nhưng cấu hình "
                    + "dùng " + database.kind() + " (database kind differs): sửa db.url trong loa.conf");
        }
        if (manifest.entries().stream().noneMatch(e -> e.name().equals(database.entryName()))) {
            throw new BackupException("tệp sao lưu thiếu cơ sở dữ liệu (database missing)");
        }
        for (BackupManifest.Entry e : manifest.entries()) {
            verify(zip, e);
        }
        return manifest;
    }

    private static void verify(ZipFile zip, BackupManifest.Entry e) throws BackupException {
        ZipEntry entry = zip.getEntry(e.name());
        if (entry == null) {
            throw new BackupException("tệp sao lưu thiếu " + e.name() + " (entry missing)");
        }
        MessageDigest sha = Backup.sha256();
        long bytes = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
                bytes += n;
            }
        } catch (IOException e2) {
            throw new BackupException("tệp sao lưu hỏng ở " + e.name() + " (corrupt): " + e2.getMessage(), e2);
        }
        if (bytes != e.bytes() || !HexFormat.of().formatHex(sha.digest()).equals(e.sha256())) {
            throw new BackupException("tệp sao lưu hỏng (corrupt): " + e.name()
                    + " không khớp mã kiểm tra (checksum mismatch)");
        }
    }

    private void checkEmpty() throws BackupException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> inside = Files.list(dataDir)) {
            List<Path> found = inside.limit(3).toList();
            if (!found.isEmpty()) {
                throw new BackupException("thư mục dữ liệu " + dataDir + " không trống (not empty, e.g. "
                        + found.get(0).getFileName() + "): khôi phục chỉ vào thư mục trống; dừng Loa, chuyển dữ liệu cũ "
                        + "đi nơi khác rồi chạy lại");
            }
        } catch (IOException e) {
            throw new BackupException("không đọc được " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** A path inside the data folder; a name that climbs out of it ("../x") is refused. */
    private Path inside(String relative) throws BackupException {
        Path p = dataDir.resolve(relative).normalize();
        if (!p.startsWith(dataDir) || p.equals(dataDir)) {
            throw new BackupException("tên tệp không hợp lệ trong bản sao lưu (bad entry name): " + relative);
        }
        return p;
    }

    /**
     * Writes one entry for the owner only (files rw-------, new folders rwx------): the archive does not keep modes,
     * and among its files are signing keys; the service's user owns them all after {@link #giveTo}.
     */
    private static void copy(ZipFile zip, String name, Path to) throws IOException {
        Files.createDirectories(to.getParent(), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
    }

    private void giveTo(PosixFileAttributes folder) throws IOException {
        try (Stream<Path> tree = Files.walk(dataDir)) {
            for (Path p : tree.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
                if (!view.readAttributes().owner().equals(folder.owner())) {
                    view.setOwner(folder.owner());
                }
                if (!view.readAttributes().group().equals(folder.group())) {
                    view.setGroup(folder.group());
                }
            }
        }
    }
}
