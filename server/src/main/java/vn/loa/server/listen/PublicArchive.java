package vn.loa.server.listen;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.db.Rows;

/**
 * What a unit's residents may hear again: notices that aired to the end in a zone of the unit (or in one above that
 * covers it), that their author left public, that are text or one recording, and whose last airing is younger than the
 * archive's time. Never a draft, a notice waiting for approval or one that only failed (it never aired to the end), a
 * notice marked internal, a relay, live speech, or an alert's drill. Blocking (JDBC); call it on a worker.
 */
public final class PublicArchive {

    /** Most notices one search looks through, newest first: a commune airs a few a day. */
    static final int SCANNED = 1000;
    /** Most notices one answer lists. */
    public static final int LISTED = 100;

    private final Jdbi jdbi;
    private final Duration kept;
    private final Clock clock;

    public PublicArchive(Jdbi jdbi, Duration kept, Clock clock) {
        this.jdbi = jdbi;
        this.kept = kept;
        this.clock = clock;
    }

    /** A unit whose page this is. */
    public record Unit(String id, String name, String path) {
    }

    /** A zone residents may listen to live. */
    public record Zone(String id, String name) {
    }

    public Optional<Unit> unit(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name, path FROM zone WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new Unit(rs.getString("id"), rs.getString("name"), rs.getString("path")))
                .findOne());
    }

    /** The unit and every zone inside it, top first. */
    public List<Zone> zones(Unit unit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM zone WHERE LEFT(path, :n) = :prefix "
                        + "ORDER BY path")
                .bind("n", unit.path().length()).bind("prefix", unit.path())
                .map((rs, ctx) -> new Zone(rs.getString("id"), rs.getString("name"))).list());
    }

    /** Days a notice stays listed after its last airing. */
    public long days() {
        return kept.toDays();
    }

    /**
     * The unit's notices, newest first, at most {@link #LISTED}; with {@code query}, only those whose title or text
     * holds every word of it, marks and case aside ("tiem phong" finds "Tiêm phòng").
     */
    public List<PublicNotice> search(Unit unit, String query) {
        List<String> words = query == null ? List.of()
                : List.of(fold(query).trim().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
        return jdbi.withHandle(h -> select(h, unit, null)).stream()
                .filter(n -> words.stream().allMatch(fold(n.title() + " " + (n.text() == null ? "" : n.text()))::contains))
                .limit(LISTED).toList();
    }

    /** One notice of the unit's archive, if it is there. */
    public Optional<PublicNotice> find(Unit unit, long id) {
        return jdbi.withHandle(h -> select(h, unit, id)).stream().findFirst();
    }

    private List<PublicNotice> select(Handle h, Unit unit, Long id) {
        Instant since = clock.instant().minus(kept);
        var query = h.createQuery("SELECT a.id, a.title, a.body, a.audio_id, a.voice, MAX(t.at) AS aired, "
                        + "(SELECT MIN(z.path) FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
                        + "WHERE az.announcement_id = a.id) AS unit_path "
                        + "FROM announcement a JOIN announcement_transition t ON t.announcement_id = a.id "
                        + "AND t.to_state = 'DONE' "
                        + "WHERE a.public_archive = TRUE AND a.relay_url IS NULL "
                        + "AND (a.body IS NOT NULL OR a.audio_id IS NOT NULL) "
                        + (id == null ? "" : "AND a.id = :id ")
                        + "AND EXISTS (SELECT 1 FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
                        + "WHERE az.announcement_id = a.id "
                        + "AND (LEFT(z.path, :n) = :prefix OR LEFT(:prefix, LENGTH(z.path)) = z.path)) "
                        // A CAP Exercise or Test is a drill: it airs on drill zones only, never for the public record.
                        + "AND NOT EXISTS (SELECT 1 FROM alert_announcement aa JOIN alert al ON al.id = aa.alert_id "
                        + "WHERE aa.announcement_id = a.id AND al.status <> 'Actual') "
                        + "GROUP BY a.id, a.title, a.body, a.audio_id, a.voice HAVING MAX(t.at) >= :since "
                        + "ORDER BY aired DESC, a.id DESC")
                .bind("n", unit.path().length()).bind("prefix", unit.path()).bind("since", Rows.utc(since));
        if (id != null) {
            query.bind("id", id.longValue());
        }
        return query.setMaxRows(SCANNED)
                .map((rs, ctx) -> new PublicNotice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                        rs.getString("audio_id"), rs.getString("voice"), rs.getString("unit_path"),
                        Rows.instant(rs, "aired")))
                .list();
    }

    /** Lower case without marks, đ as d: how residents type on a phone. */
    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('đ', 'd');
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
