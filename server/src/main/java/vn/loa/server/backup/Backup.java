package vn.loa.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a backup: the database first, then every file of the data folder (so each file a saved row names is in),
 * then the manifest; into {@code FILE.part}, renamed to {@code FILE} only when complete.
 */
public final class Backup {

    /** The data folder's sub-folder for backups, left out of them. */
    static final String BACKUPS = "backups";

    private final Path dataDir;
    private final DatabaseCopy database;
    private final boolean online;
    private final LoaVersion version;
    private final Clock clock;
    private final Path keptOut;

    Backup(Path dataDir, DatabaseCopy database, boolean online, LoaVersion version, Clock clock) {
        this(dataDir, database, online, version, clock, dataDir.resolve(BACKUPS));
    }

    private Backup(Path dataDir, DatabaseCopy database, boolean online, LoaVersion version, Clock clock, Path keptOut) {
        this.dataDir = dataDir;
        this.database = database;
        this.online = online;
        this.version = version;
        this.clock = clock;
        this.keptOut = keptOut;
    }

    /** The same backup leaving out {@code dir} too (a backup folder set inside the data folder). */
    Backup keepingOut(Path dir) {
        Path out = dir.toAbsolutePath().normalize();
        return new Backup(dataDir, database, online, version, clock, out);
    }

    /** Writes the backup to {@code file}; returns what it holds. */
    public BackupManifest writeTo(Path file) throws BackupException {
        Path target = file.toAbsolutePath().normalize();
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path dbCopy = target.resolveSibling(".loa-backup-" + clock.millis() + ".mv.db");
        List<BackupManifest.Entry> entries = new ArrayList<>();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(ownerOnly(part)))) {
            // Audio barely compresses: the fastest level keeps a gigabyte of it from taking minutes.
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
            database.save(dbCopy);
            entries.add(add(zip, database.entryName(), dbCopy));
            for (Path f : dataFiles(target, part, dbCopy)) {
                entries.add(add(zip, "data/" + dataDir.relativize(f).toString().replace('\\', '/'), f));
            }
            BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, version, clock.instant(),
                    database.kind(), online, List.copyOf(entries));
            zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
            zip.write(manifest.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.close();
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new BackupException("không ghi được bản sao lưu " + target + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
            deleteQuietly(dbCopy);
        }
    }

    /**
     * The data folder's files, without the H2 database (saved apart), the backup being written, and the folder
     * {@code backups/} where the guide keeps earlier backups (each backup would otherwise hold all the earlier ones).
     */
    private List<Path> dataFiles(Path... skip) throws IOException {
        if (!Files.isDirectory(dataDir)) {
            return List.of();
        }
        List<Path> skipped = List.of(skip);
        Path backups = dataDir.resolve(BACKUPS);
        try (Stream<Path> tree = Files.walk(dataDir)) {
            return tree.filter(Files::isRegularFile).filter(p -> !skipped.contains(p)).filter(p -> !p.startsWith(backups))
                    .filter(p -> !p.startsWith(keptOut))
                    .filter(p -> !isH2File(p.getFileName().toString())).sorted().toList();
        }
    }

    /** A new empty file only its owner may read: a backup holds the database, passwords' hashes and signing keys. */
    private static Path ownerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        return Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }

    /** loa.mv.db and its companions (trace, lock, temp files of a compaction). */
    static boolean isH2File(String name) {
        return name.matches("loa\\.(mv|trace|lock)\\.db.*") || name.endsWith(".mv.db.tempFile");
    }

    private static BackupManifest.Entry add(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        long bytes;
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            bytes = 0;
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                zip.write(buf, 0, n);
                out.write(buf, 0, n);
                bytes += n;
            }
        }
        zip.closeEntry();
        return new BackupManifest.Entry(name, bytes, HexFormat.of().formatHex(sha.digest()));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file beside the backup; the next run replaces it
        }
    }
}
