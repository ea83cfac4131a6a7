package vn.loa.server.backup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.loa.server.audit.AuditLog;
import vn.loa.server.config.BackupSettings;
import vn.loa.server.config.LoaConfig;

/**
 * The backups the running server takes by itself each day (ADR 0030), on a thread of its own: the same archive as
 * {@code loa backup}, written atomically into the backup folder, the oldest beyond the count kept then deleted, each
 * one (or its failure) audited and shown in {@code /health}. A time missed while the server was down is not made up:
 * the next one is the next day's.
 */
public final class DailyBackups implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyBackups.class);
    /** The names of the daily backups, which sort by time; other files in the folder are never deleted. */
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'loa-'yyyy-MM-dd-HHmm'.zip'");
    private static final String PATTERN = "loa-\\d{4}-\\d{2}-\\d{2}-\\d{4}\\.zip";
    private static final String ROOT_UNIT = "/root/";

    private final BackupSettings settings;
    private final Backup backup;
    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loa-daily-backup");
        t.setDaemon(true);
        return t;
    });
    private volatile BackupStatus status;
    private Instant due;

    DailyBackups(BackupSettings settings, Backup backup, Jdbi jdbi, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.backup = backup.keepingOut(settings.dir());
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
        this.status = newestOnDisk(new BackupStatus(settings.daily() ? settings.dailyAt().toString() : null,
                null, null, 0, 0, null, null));
    }

    /** Starts the daily backups {@code config} asks for (none when backup.daily.at is empty); registers its gauges. */
    public static DailyBackups start(LoaConfig config, Jdbi jdbi, AuditLog audit, Clock clock, MeterRegistry registry) {
        Backup backup = new Backup(config.dataDir(), DatabaseCopy.of(config), true, LoaVersion.current(), clock);
        DailyBackups daily = new DailyBackups(config.backup(), backup, jdbi, audit, clock);
        Gauge.builder("loa.backup.last.timestamp.seconds", daily, d -> d.status.lastAt() == null ? 0
                : d.status.lastAt().toEpochMilli() / 1000.0)
                .description("When the last backup in the backup folder was written (Unix time), 0 when none")
                .register(registry);
        Gauge.builder("loa.backup.failed", daily, d -> d.status.failedAt() == null ? 0 : 1)
                .description("1 when the last daily backup failed").register(registry);
        if (config.backup().daily()) {
            daily.due = daily.nextAfter(clock.instant());
            // A look is a comparison of two instants: every second keeps a test's moved clock prompt.
            daily.thread.scheduleWithFixedDelay(daily::look, 1, 1, TimeUnit.SECONDS);
        }
        return daily;
    }

    /** The {@code backup} part of {@code /health}. */
    public JsonObject describe() {
        return new JsonObject().put("backup", status.toJson());
    }

    private void look() {
        Instant now = clock.instant();
        if (now.isBefore(due)) {
            return;
        }
        take(now);
        due = nextAfter(clock.instant());
    }

    /** Writes one backup now, then deletes the oldest beyond the count; a failure is kept, logged and audited. */
    void take(Instant now) {
        Path file = settings.dir().resolve(NAME.format(now.atZone(BackupSettings.ZONE)));
        long start = System.nanoTime();
        try {
            Files.createDirectories(settings.dir());
            backup.writeTo(file);
            long bytes = Files.size(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Path> deleted = deleteBeyondCount();
            status = status.succeeded(clock.instant(), file.getFileName().toString(), bytes, seconds);
            LOG.info("daily backup {} written ({} bytes, {} s); {} older deleted", file, bytes,
                    String.format("%.1f", seconds), deleted.size());
            record("backup.daily", file, String.format("Đã sao lưu tự động: %.1f MB trong %.1f s; xóa %d bản cũ",
                    bytes / 1e6, seconds, deleted.size()));
        } catch (BackupException | IOException | RuntimeException e) {
            String message = e instanceof BackupException ? e.getMessage()
                    : "không ghi được vào thư mục sao lưu " + settings.dir() + " (cannot write): " + e;
            status = status.failed(clock.instant(), message);
            LOG.error("daily backup {} failed: {}", file, message);
            record("backup.failed", file, "Sao lưu tự động thất bại (backup failed): " + message);
        }
    }

    private void record(String action, Path file, String detail) {
        try {
            jdbi.useHandle(h -> audit.record(h, "loa", null, ROOT_UNIT, action, file.getFileName().toString(), detail));
        } catch (RuntimeException e) {
            LOG.warn("daily backup not audited: {}", e.toString());
        }
    }

    /** Deletes the oldest daily backups beyond {@code keep}; returns them. */
    private List<Path> deleteBeyondCount() throws IOException {
        List<Path> daily = dailyFiles();
        List<Path> old = daily.subList(0, Math.max(0, daily.size() - settings.keep()));
        for (Path p : old) {
            Files.deleteIfExists(p);
        }
        return old;
    }

    private List<Path> dailyFiles() throws IOException {
        if (!Files.isDirectory(settings.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(settings.dir())) {
            return files.filter(p -> p.getFileName().toString().matches(PATTERN)).sorted().toList();
        }
    }

    /** The status a restarted server starts with: the newest daily backup already in the folder. */
    private BackupStatus newestOnDisk(BackupStatus none) {
        try {
            List<Path> daily = dailyFiles();
            if (daily.isEmpty()) {
                return none;
            }
            Path newest = daily.get(daily.size() - 1);
            return none.succeeded(Files.getLastModifiedTime(newest).toInstant(), newest.getFileName().toString(),
                    Files.size(newest), 0);
        } catch (IOException e) {
            return none;
        }
    }

    /** The first daily time strictly after {@code now}. */
    Instant nextAfter(Instant now) {
        ZonedDateTime local = now.atZone(BackupSettings.ZONE);
        ZonedDateTime today = local.toLocalDate().atTime(settings.dailyAt()).atZone(BackupSettings.ZONE);
        return (today.toInstant().isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
