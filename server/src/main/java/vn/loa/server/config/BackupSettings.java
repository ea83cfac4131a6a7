package vn.loa.server.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Properties;

/**
 * The backups the running server takes by itself (issue 16, ADR 0030): each day at one time of Vietnam's clock, into
 * a folder, keeping the newest few.
 *
 * @param dailyAt when each day's backup starts, Vietnam time; null when the server takes none
 * @param dir     the folder the backups are written to
 * @param keep    how many of them are kept; older ones are deleted after a new one is written
 */
public record BackupSettings(LocalTime dailyAt, Path dir, int keep) {

    /** The clock the daily time is read on: a commune's 02:30 is Vietnam's, whatever the machine's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** True when the server takes daily backups. */
    public boolean daily() {
        return dailyAt != null;
    }

    static BackupSettings from(Properties p, Path dataDir) {
        String at = p.getProperty("backup.daily.at", "").trim();
        LocalTime time = null;
        if (!at.isEmpty()) {
            try {
                time = LocalTime.parse(at);
            } catch (DateTimeParseException e) {
                throw new ConfigException("backup.daily.at (LOA_BACKUP_DAILY_AT) phải là giờ HH:MM, ví dụ 02:30 / must be "
                        + "a time HH:MM, got '" + at + "'");
            }
        }
        String dir = p.getProperty("backup.dir", "").trim();
        return new BackupSettings(time, dir.isEmpty() ? dataDir.resolve("backups") : Path.of(dir).toAbsolutePath(),
                ConfigLoader.integer(p, "backup.keep", 1, 3650));
    }
}
