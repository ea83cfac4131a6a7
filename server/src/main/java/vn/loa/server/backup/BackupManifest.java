package vn.loa.server.backup;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * What a backup holds ({@code manifest.json}, the archive's last entry, written once every digest is known): the Loa
 * that made it, when, which database, and every other entry with its size and SHA-256, so a restore can refuse a
 * corrupt or truncated file before it writes anything.
 */
public record BackupManifest(int format, LoaVersion loaVersion, Instant createdAt, String database, boolean online,
        List<Entry> entries) {

    static final String NAME = "manifest.json";
    static final int FORMAT = 1;

    /** One archived file: its name in the archive ({@code data/...} or {@code database/...}), size and digest. */
    public record Entry(String name, long bytes, String sha256) {
    }

    String toJson() {
        JsonArray files = new JsonArray();
        entries.forEach(e -> files.add(new JsonObject().put("name", e.name()).put("bytes", e.bytes())
                .put("sha256", e.sha256())));
        return new JsonObject().put("format", format).put("loaVersion", loaVersion.text())
                .put("createdAt", createdAt.toString()).put("database", database).put("online", online)
                .put("entries", files).encodePrettily();
    }

    static BackupManifest fromJson(String json) throws BackupException {
        try {
            JsonObject o = new JsonObject(json);
            List<Entry> entries = o.getJsonArray("entries").stream().map(JsonObject.class::cast)
                    .map(e -> new Entry(e.getString("name"), e.getLong("bytes"), e.getString("sha256"))).toList();
            return new BackupManifest(o.getInteger("format"), new LoaVersion(o.getString("loaVersion")),
                    Instant.parse(o.getString("createdAt")), o.getString("database"), o.getBoolean("online", false),
                    entries);
        } catch (DecodeException | ClassCastException | NullPointerException | java.time.format.DateTimeParseException e) {
            throw new BackupException("tệp sao lưu hỏng: manifest.json không đọc được (corrupt manifest): "
                    + e.getMessage(), e);
        }
    }
}
