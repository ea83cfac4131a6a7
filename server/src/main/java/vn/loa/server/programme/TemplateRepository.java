package vn.loa.server.programme;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import vn.loa.scheduler.session.SessionTemplate;
import vn.loa.server.db.Rows;

/** The rows of {@code programme_template}: session templates, each read back through {@link TemplateJson}. */
final class TemplateRepository {

    private static final String COLUMNS = "t.id, t.zone_id, t.name, t.days, t.starts_at, t.ends_at, t.parts, "
            + "t.between_jingle, t.overrun, t.fallback_url, t.fallback_tag";

    long insert(Handle h, SessionTemplate t, String createdBy, Instant at) {
        return h.createUpdate("INSERT INTO programme_template (zone_id, name, days, starts_at, ends_at, parts, "
                        + "between_jingle, overrun, fallback_url, fallback_tag, created_by, created_at) VALUES (:zone, "
                        + ":name, :days, :start, :end, :parts, :jingle, :overrun, :fallbackUrl, :fallbackTag, :by, :at)")
                .bind("zone", t.zone()).bind("name", t.name())
                .bind("days", String.join(",", TemplateJson.write(t).getJsonArray("days").stream()
                        .map(String::valueOf).toList()))
                .bind("start", t.start().toString()).bind("end", t.end().toString())
                .bind("parts", TemplateJson.parts(t.parts()).encode()).bind("jingle", t.betweenJingle())
                .bind("overrun", t.overrun().name()).bind("fallbackUrl", t.fallbackUrl())
                .bind("fallbackTag", t.fallbackTag()).bind("by", createdBy).bind("at", Rows.utc(at))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** A template still in use. */
    Optional<SessionTemplate> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM programme_template t WHERE t.id = :id AND t.retired_at IS NULL")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** A template, retired or not (a session that is airing keeps its template's rules). */
    Optional<SessionTemplate> findAny(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM programme_template t WHERE t.id = :id")
                .bind("id", id).map((rs, ctx) -> row(rs)).findOne();
    }

    /** The zone path of a template's zone, for scope checks. */
    Optional<String> zonePath(Handle h, long id) {
        return h.createQuery("SELECT z.path FROM programme_template t JOIN zone z ON z.id = t.zone_id "
                + "WHERE t.id = :id AND t.retired_at IS NULL").bind("id", id).mapTo(String.class).findOne();
    }

    /** Templates in use whose zone lies in, or encloses, the unit at {@code unitPath} (all when null). */
    List<SessionTemplate> inUse(Handle h, String unitPath) {
        String scope = unitPath == null ? "" : " AND (LEFT(z.path, :n) = :prefix OR LEFT(:prefix, LENGTH(z.path)) = z.path)";
        var query = h.createQuery("SELECT " + COLUMNS + " FROM programme_template t JOIN zone z ON z.id = t.zone_id "
                + "WHERE t.retired_at IS NULL" + scope + " ORDER BY t.starts_at, t.id");
        if (unitPath != null) {
            query.bind("prefix", unitPath).bind("n", unitPath.length());
        }
        return query.map((rs, ctx) -> row(rs)).list();
    }

    boolean retire(Handle h, long id, Instant at) {
        return h.createUpdate("UPDATE programme_template SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
                .bind("id", id).bind("at", Rows.utc(at)).execute() == 1;
    }

    private static SessionTemplate row(java.sql.ResultSet rs) throws java.sql.SQLException {
        String days = rs.getString("days");
        JsonObject json = new JsonObject().put("name", rs.getString("name")).put("zone", rs.getString("zone_id"))
                .put("start", rs.getString("starts_at")).put("end", rs.getString("ends_at"))
                .put("days", new JsonArray(days.isEmpty() ? List.of() : List.of(days.split(","))))
                .put("parts", new JsonArray(rs.getString("parts"))).put("overrun", rs.getString("overrun"))
                .put("betweenJingle", rs.getString("between_jingle")).put("fallbackUrl", rs.getString("fallback_url"))
                .put("fallbackTag", rs.getString("fallback_tag"));
        return TemplateJson.read(rs.getLong("id"), json);
    }
}
