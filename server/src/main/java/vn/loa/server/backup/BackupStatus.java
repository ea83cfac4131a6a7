package vn.loa.server.backup;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * What {@code /health} tells of the daily backups: the last one written (when, which file, how big, how long it took)
 * and the last failure since, so a technician sees when backups stop. Immutable.
 *
 * @param lastAt      when the last backup was finished; null when there is none
 * @param failedAt    when the last attempt failed, if it failed after the last backup; else null
 */
record BackupStatus(String dailyAt, Instant lastAt, String lastFile, long lastBytes, double lastSeconds,
        Instant failedAt, String failure) {

    BackupStatus succeeded(Instant at, String file, long bytes, double seconds) {
        return new BackupStatus(dailyAt, at, file, bytes, seconds, null, null);
    }

    BackupStatus failed(Instant at, String message) {
        return new BackupStatus(dailyAt, lastAt, lastFile, lastBytes, lastSeconds, at, message);
    }

    /** FAILED when the last attempt failed, NONE before the first backup, else OK. */
    String state() {
        return failedAt != null ? "FAILED" : lastAt == null ? "NONE" : "OK";
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("state", state()).put("dailyAt", dailyAt);
        if (lastAt != null) {
            json.put("last", new JsonObject().put("at", lastAt.toString()).put("file", lastFile)
                    .put("bytes", lastBytes).put("seconds", Math.round(lastSeconds * 10) / 10.0));
        }
        if (failedAt != null) {
            json.put("failure", new JsonObject().put("at", failedAt.toString()).put("message", failure));
        }
        return json;
    }
}
