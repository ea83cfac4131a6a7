package vn.loa.server.programme;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.loa.scheduler.session.Material;
import vn.loa.scheduler.session.Notice;
import vn.loa.scheduler.session.Recording;
import vn.loa.server.db.Rows;
import vn.loa.server.http.TextInput;

/**
 * What a session of a zone is filled from, read at once from the database: the approved notices waiting for the zone
 * (SCHEDULED before BACKGROUND, then oldest first; not the ones a clerk scheduled or that relay), and the recordings its
 * unit may air with their tags and last airing.
 */
record SessionMaterial(Map<String, Duration> lengths, List<Notice> notices, List<Recording> library)
        implements Material {

    /** Vietnamese speech at espeak-ng's default rate: about three syllables (words) a second. */
    private static final double WORDS_PER_SECOND = 3.0;

    static SessionMaterial load(Handle h, String zone) {
        String path = h.createQuery("SELECT path FROM zone WHERE id = :z").bind("z", zone).mapTo(String.class).one();
        List<Notice> notices = h.createQuery("SELECT a.id, a.title, a.body, f.duration_ms FROM announcement a "
                        + "LEFT JOIN audio_file f ON f.id = a.audio_id WHERE a.state = 'APPROVED' "
                        + "AND a.priority IN ('SCHEDULED', 'BACKGROUND') AND a.schedule_at IS NULL "
                        + "AND a.schedule_cron IS NULL AND a.relay_url IS NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM announcement_playlist p WHERE p.announcement_id = a.id) "
                        + "AND EXISTS (SELECT 1 FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
                        + "WHERE az.announcement_id = a.id AND LEFT(:path, LENGTH(z.path)) = z.path) "
                        + "ORDER BY CASE a.priority WHEN 'SCHEDULED' THEN 0 ELSE 1 END, a.updated_at, a.id")
                .bind("path", path)
                .map((rs, ctx) -> new Notice(rs.getLong("id"), rs.getString("title"),
                        rs.getString("body") != null ? spokenLength(TextInput.spoken(rs.getString("body")))
                                : Duration.ofMillis(rs.getLong("duration_ms"))))
                .list();
        Map<String, Set<String>> tags = new HashMap<>();
        h.createQuery("SELECT audio_id, tag FROM audio_tag").map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        Map<String, Duration> lengths = new HashMap<>();
        List<Recording> library = h.createQuery("SELECT f.id, f.name, f.duration_ms, f.created_at, "
                        + "(SELECT MAX(p.aired_at) FROM programme_play p WHERE p.audio_id = f.id) AS last_aired "
                        + "FROM audio_file f WHERE LEFT(:path, LENGTH(f.unit_path)) = f.unit_path")
                .bind("path", path)
                .map((rs, ctx) -> new Recording(rs.getString("id"), rs.getString("name"),
                        tags.getOrDefault(rs.getString("id"), Set.of()), Rows.instant(rs, "created_at"),
                        Duration.ofMillis(rs.getLong("duration_ms")), Rows.instant(rs, "last_aired")))
                .list();
        library.forEach(r -> lengths.put(r.id(), r.length()));
        return new SessionMaterial(lengths, notices, library);
    }

    @Override
    public Duration lengthOf(String audioId) {
        return audioId == null ? Duration.ZERO : lengths.getOrDefault(audioId, Duration.ZERO);
    }

    @Override
    public Duration spoken(String text) {
        return spokenLength(text);
    }

    /** The expected length of {@code text} spoken: words at the speech rate, and a pause at each sentence's end. */
    static Duration spokenLength(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ZERO;
        }
        long words = text.trim().split("\\s+").length;
        long sentences = text.chars().filter(c -> c == '.' || c == '!' || c == '?').count();
        return Duration.ofMillis(Math.round(words / WORDS_PER_SECOND * 1000) + 300 * Math.max(1, sentences));
    }
}
