package vn.loa.server.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.announcement.SessionNotices;
import vn.loa.server.db.Rows;

/**
 * The station's broadcast log, read from what the air already records: every move of an announcement to ON_AIR and
 * the move that ended it ({@code announcement_transition}), the approval before it, its zones, and the delivery rows
 * of its loudspeakers. Only announcements that touch the unit at {@code unitPath} (a zone inside it, or one above it
 * that covers it). Blocking (JDBC); call it on a worker.
 */
public final class BroadcastLog {

    /** Most entries one answer holds: a year of a busy commune fits; more is refused by the caller's range. */
    public static final int MAX_ENTRIES = 20_000;
    private static final int CHUNK = 500;

    private final Jdbi jdbi;

    public BroadcastLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    private record Start(long transition, long announcement, Instant at, Instant end, String outcome,
            String approver) {
    }

    /** What aired from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<Airing> between(String unitPath, Instant from, Instant to) {
        return jdbi.withHandle(h -> {
            List<Start> starts = starts(h, unitPath, from, to);
            Map<Long, Details> details = new HashMap<>();
            Map<String, String> names = userNames(h);
            List<Long> ids = starts.stream().map(Start::announcement).distinct().toList();
            for (int i = 0; i < ids.size(); i += CHUNK) {
                details(h, ids.subList(i, Math.min(ids.size(), i + CHUNK)), details);
            }
            List<Airing> log = new ArrayList<>();
            for (Start s : starts) {
                Details d = details.get(s.announcement());
                // Delivery rows hold a series' latest airing: they belong to this one only if written since it began.
                List<Airing.Delivery> mine = d.deliveries.stream().filter(x -> !x.at().isBefore(s.at()))
                        .map(DeliveryAt::delivery).toList();
                log.add(new Airing(s.announcement(), d.title, d.kind, d.priority, d.zones, d.zonePaths, s.at(), s.end(),
                        s.outcome() == null ? "ON_AIR" : s.outcome(), names.getOrDefault(d.createdBy, d.createdBy),
                        s.approver() == null ? null : names.getOrDefault(s.approver(), s.approver()), mine));
            }
            return log;
        });
    }

    private static List<Start> starts(Handle h, String unitPath, Instant from, Instant to) {
        return h.createQuery("SELECT t.id, t.announcement_id, t.at, e.at AS end_at, e.to_state AS end_state, "
                        + "(SELECT p.actor FROM announcement_transition p WHERE p.announcement_id = t.announcement_id "
                        + "AND p.to_state = 'APPROVED' AND p.id < t.id ORDER BY p.id DESC LIMIT 1) AS approver "
                        + "FROM announcement_transition t LEFT JOIN announcement_transition e ON e.id = "
                        + "(SELECT MIN(n.id) FROM announcement_transition n WHERE n.announcement_id = t.announcement_id "
                        + "AND n.id > t.id AND n.from_state = 'ON_AIR') "
                        + "WHERE t.to_state = 'ON_AIR' AND t.at >= :from AND t.at < :to AND EXISTS (SELECT 1 FROM "
                        + "announcement_zone az JOIN zone z ON z.id = az.zone_id WHERE az.announcement_id = "
                        + "t.announcement_id AND (LEFT(z.path, :n) = :prefix OR LEFT(:prefix, LENGTH(z.path)) = z.path)) "
                        + "ORDER BY t.at, t.id")
                .bind("from", Rows.utc(from)).bind("to", Rows.utc(to))
                .bind("n", unitPath.length()).bind("prefix", unitPath)
                .setMaxRows(MAX_ENTRIES)
                .map((rs, ctx) -> new Start(rs.getLong("id"), rs.getLong("announcement_id"), Rows.instant(rs, "at"),
                        Rows.instant(rs, "end_at"), rs.getString("end_state"), rs.getString("approver")))
                .list();
    }

    private record DeliveryAt(Airing.Delivery delivery, Instant at) {
    }

    /** An announcement's fixed facts and its delivery rows. */
    private static final class Details {
        String title;
        String priority;
        String createdBy;
        String kind;
        List<String> zones = new ArrayList<>();
        List<String> zonePaths = new ArrayList<>();
        List<DeliveryAt> deliveries = new ArrayList<>();
    }

    private static void details(Handle h, List<Long> ids, Map<Long, Details> into) {
        h.createQuery("SELECT a.id, a.title, a.priority, a.created_by, a.body, a.audio_id, a.relay_url, "
                        + "(SELECT COUNT(*) FROM announcement_playlist p WHERE p.announcement_id = a.id) AS playlist, "
                        + "(SELECT COUNT(*) FROM hotline_call c WHERE c.announcement_id = a.id) AS hotline, "
                        + "(SELECT COUNT(*) FROM alert_announcement l WHERE l.announcement_id = a.id) AS alert, "
                        + "(SELECT COUNT(*) FROM link_received r WHERE r.announcement_id = a.id) AS bulletin "
                        + "FROM announcement a WHERE a.id IN (<ids>)")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    Details d = new Details();
                    d.title = rs.getString("title");
                    d.priority = rs.getString("priority");
                    d.createdBy = rs.getString("created_by");
                    d.kind = Sources.of(rs.getLong("hotline") > 0, rs.getLong("alert") > 0, rs.getLong("bulletin") > 0,
                            rs.getString("relay_url") != null, rs.getLong("playlist") > 0,
                            rs.getString("audio_id") != null, d.createdBy);
                    into.put(rs.getLong("id"), d);
                    return d;
                }).list();
        h.createQuery("SELECT az.announcement_id, z.name, z.path FROM announcement_zone az JOIN zone z ON z.id = "
                        + "az.zone_id WHERE az.announcement_id IN (<ids>) ORDER BY z.path")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    Details d = into.get(rs.getLong("announcement_id"));
                    d.zonePaths.add(rs.getString("path"));
                    return d.zones.add(rs.getString("name"));
                }).list();
        h.createQuery("SELECT d.announcement_id, d.node_id, n.name, nz.path, d.state, d.detail, d.updated_at "
                        + "FROM delivery d LEFT JOIN node n ON n.id = d.node_id LEFT JOIN zone nz ON nz.id = n.zone_id "
                        + "WHERE d.announcement_id IN (<ids>) ORDER BY d.node_id")
                .bindList("ids", ids)
                .map((rs, ctx) -> into.get(rs.getLong("announcement_id")).deliveries.add(new DeliveryAt(
                        new Airing.Delivery(rs.getString("node_id"),
                                nodeName(rs.getString("node_id"), rs.getString("name")),
                                rs.getString("path"), rs.getString("state"), rs.getString("detail")),
                        Rows.instant(rs, "updated_at"))))
                .list();
        // A notice a programme session aired: its deliveries are the session's (ADR 0058).
        for (SessionNotices.Row r : SessionNotices.deliveries(h, ids)) {
            into.get(r.notice()).deliveries.add(new DeliveryAt(new Airing.Delivery(r.node(),
                    nodeName(r.node(), r.name()), r.zonePath(), r.state().name(), r.detail()), r.at()));
        }
    }

    /** A node's name; the residents' page and a multicast group, which are no node rows, said in words. */
    private static String nodeName(String id, String name) {
        if (name != null) {
            return name;
        }
        return id.startsWith("nghe:") ? "Người nghe trên trang /nghe (" + id.substring(5) + ")"
                : id.startsWith("multicast:") ? "Nhóm multicast (" + id.substring(10) + ")" : id;
    }

    private static Map<String, String> userNames(Handle h) {
        Map<String, String> names = new LinkedHashMap<>();
        h.createQuery("SELECT username, display_name FROM app_user")
                .map((rs, ctx) -> names.put(rs.getString("username"), rs.getString("display_name"))).list();
        return names;
    }
}
