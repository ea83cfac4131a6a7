package vn.loa.server.schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.Priority;
import vn.loa.scheduler.Recurrence;
import vn.loa.server.db.Rows;

/** SQL for the programme grid: the announcements waiting in SCHEDULED for a time of their own. Stateless. */
final class GridRepository {

    /** A scheduled announcement as the grid shows it. */
    record Item(long id, String title, Priority priority, Recurrence recurrence, java.time.Duration duration,
            List<String> zones) {
    }

    private static final String WAITING = "SELECT a.id, a.title, a.priority, a.schedule_at, a.schedule_cron, "
            + "a.schedule_until, a.schedule_duration_s FROM announcement a WHERE a.state = 'SCHEDULED' "
            + "AND (a.schedule_at IS NOT NULL OR a.schedule_cron IS NOT NULL)";

    /** Targets a zone in, or enclosing, the zone at {@code :<name>} (a path). */
    private static String overlaps(String name) {
        return " AND EXISTS (SELECT 1 FROM announcement_zone az JOIN zone z ON z.id = az.zone_id "
                + "WHERE az.announcement_id = a.id AND (LEFT(z.path, LENGTH(:" + name + ")) = :" + name
                + " OR LEFT(:" + name + ", LENGTH(z.path)) = z.path))";
    }

    /** Every waiting item, without zones: what the programme clock must have planned. */
    List<Item> waiting(Handle h) {
        return h.createQuery(WAITING + " ORDER BY a.id").map((rs, ctx) -> item(rs, List.of())).list();
    }

    /** The waiting items that concern a unit and, when given, a zone; at most {@code limit}. */
    List<Item> visible(Handle h, String unitPath, String zonePath, int limit) {
        return withZones(h, WAITING + overlaps("unit") + (zonePath == null ? "" : overlaps("zone"))
                + " ORDER BY a.id LIMIT :limit", unitPath, zonePath, limit, null, null);
    }

    /** The items of any state that concern a unit (and zone) and were fired or skipped in {@code [from, to)}. */
    List<Item> firedBetween(Handle h, String unitPath, String zonePath, Instant from, Instant to, int limit) {
        return withZones(h, "SELECT a.id, a.title, a.priority, a.schedule_at, a.schedule_cron, a.schedule_until, "
                + "a.schedule_duration_s "
                + "FROM announcement a WHERE EXISTS (SELECT 1 FROM programme_firing f WHERE f.announcement_id = a.id "
                + "AND f.due_at >= :from AND f.due_at < :to)" + overlaps("unit")
                + (zonePath == null ? "" : overlaps("zone")) + " ORDER BY a.id LIMIT :limit",
                unitPath, zonePath, limit, from, to);
    }

    private List<Item> withZones(Handle h, String sql, String unitPath, String zonePath, int limit, Instant from,
            Instant to) {
        var query = h.createQuery(sql).bind("unit", unitPath).bind("limit", limit);
        if (from != null) {
            query.bind("from", Rows.utc(from)).bind("to", Rows.utc(to));
        }
        if (zonePath != null) {
            query.bind("zone", zonePath);
        }
        List<Item> rows = query.map((rs, ctx) -> item(rs, List.of())).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> zones = new LinkedHashMap<>();
        h.createQuery("SELECT announcement_id, zone_id FROM announcement_zone WHERE announcement_id IN (<ids>) "
                        + "ORDER BY zone_id")
                .bindList("ids", rows.stream().map(Item::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> zones.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(i -> new Item(i.id(), i.title(), i.priority(), i.recurrence(), i.duration(),
                zones.getOrDefault(i.id(), List.of()))).toList();
    }

    private static Item item(ResultSet rs, List<String> zones) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("title"), Priority.valueOf(rs.getString("priority")),
                new Recurrence(Rows.instant(rs, "schedule_at"), rs.getString("schedule_cron"),
                        Rows.instant(rs, "schedule_until")),
                rs.getObject("schedule_duration_s") == null ? null
                        : java.time.Duration.ofSeconds(rs.getLong("schedule_duration_s")), zones);
    }
}
