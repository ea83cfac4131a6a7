package vn.loa.server.announcement;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.DeliveryState;
import vn.loa.server.db.Rows;

/**
 * The notices a programme session aired (ADR 0058), and their deliveries read from the session's: a session airs as
 * one announcement with one delivery row per node, so a notice inside it was delivered where the session was. A node
 * that played the session to its end (PLAYED) played the notice; one that failed it failed the notice too; a notice
 * that broke off inside the session failed everywhere. Each row carries the notice's own end (or start, while on air).
 *
 * <p>Blocking (JDBC), within the caller's handle.
 */
public final class SessionNotices {

    private SessionNotices() {
    }

    /** One node's delivery of a notice inside a session, with the node's name and zone path (null when gone). */
    public record Row(long notice, long session, String node, String name, String zonePath, DeliveryState state,
            String detail, Instant at) {
    }

    /** A notice of {@code session} went on air at {@code at}; a run after a preemption airs it again from its top. */
    public static void started(Handle h, long session, long notice, Instant at) {
        int again = h.createUpdate("UPDATE programme_session_notice SET ended_at = NULL, aired = NULL "
                        + "WHERE session_id = :s AND notice_id = :n")
                .bind("s", session).bind("n", notice).execute();
        if (again == 0) {
            h.createUpdate("INSERT INTO programme_session_notice (session_id, notice_id, started_at) VALUES (:s, :n, :at)")
                    .bind("s", session).bind("n", notice).bind("at", Rows.utc(at)).execute();
        }
    }

    /** A notice of {@code session} ended at {@code at}: heard to its end ({@code aired}), or broken off. */
    public static void ended(Handle h, long session, long notice, boolean aired, Instant at) {
        h.createUpdate("UPDATE programme_session_notice SET ended_at = :at, aired = :aired "
                        + "WHERE session_id = :s AND notice_id = :n")
                .bind("s", session).bind("n", notice).bind("at", Rows.utc(at)).bind("aired", aired).execute();
    }

    /** The deliveries of the notices {@code ids} inside the sessions that aired them, by notice and node. */
    public static List<Row> deliveries(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT p.notice_id, p.session_id, p.started_at, p.ended_at, p.aired, s.title, d.node_id, "
                        + "n.name, nz.path, d.state, d.detail FROM programme_session_notice p "
                        + "JOIN announcement s ON s.id = p.session_id JOIN delivery d ON d.announcement_id = p.session_id "
                        + "LEFT JOIN node n ON n.id = d.node_id LEFT JOIN zone nz ON nz.id = n.zone_id "
                        + "WHERE p.notice_id IN (<ids>) ORDER BY p.notice_id, p.started_at, d.node_id")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    Instant ended = Rows.instant(rs, "ended_at");
                    boolean brokenOff = ended != null && !rs.getBoolean("aired");
                    DeliveryState state = brokenOff ? DeliveryState.FAILED : DeliveryState.valueOf(rs.getString("state"));
                    String within = "trong buổi phát «" + rs.getString("title") + "» (#" + rs.getLong("session_id")
                            + ") / in session";
                    String detail = brokenOff ? within + ": tin dừng giữa chừng / broken off"
                            : rs.getString("detail") == null ? within : within + ": " + rs.getString("detail");
                    return new Row(rs.getLong("notice_id"), rs.getLong("session_id"), rs.getString("node_id"),
                            rs.getString("name"), rs.getString("path"), state, detail,
                            ended != null ? ended : Rows.instant(rs, "started_at"));
                }).list();
    }
}
