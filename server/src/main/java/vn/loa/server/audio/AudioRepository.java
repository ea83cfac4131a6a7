package vn.loa.server.audio;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/** SQL for {@code audio_file}: the recorded programmes stored under the data folder. Stateless. */
final class AudioRepository {

    void insert(Handle h, AudioFile f) {
        h.createUpdate("INSERT INTO audio_file (id, name, format, size_bytes, duration_ms, unit_path, created_by, "
                        + "created_at) VALUES (:id, :name, :format, :size, :duration, :unit, :by, :at)")
                .bind("id", f.id()).bind("name", f.name()).bind("format", f.format().name())
                .bind("size", f.sizeBytes()).bind("duration", f.durationMs()).bind("unit", f.unitPath())
                .bind("by", f.createdBy()).bind("at", Rows.utc(f.createdAt()))
                .execute();
    }

    Optional<AudioFile> find(Handle h, String id) {
        return h.createQuery("SELECT * FROM audio_file WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new AudioFile(rs.getString("id"), rs.getString("name"),
                        AudioFormat.valueOf(rs.getString("format")), rs.getLong("size_bytes"),
                        rs.getLong("duration_ms"), rs.getString("unit_path"), rs.getString("created_by"),
                        Rows.instant(rs, "created_at")))
                .findOne();
    }
}
