package vn.loa.server.schedule;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import vn.loa.server.db.Rows;

/** SQL for {@code programme_firing}: one row per scheduled announcement and due time. Stateless. */
final class FiringRepository {

    /** One recorded airing. */
    record Row(long announcementId, Instant due, Instant firedAt, Long latenessMs, FiringOutcome outcome,
            String detail) {
    }

    /** Records an airing; false when this very airing (announcement and due time) was recorded before. */
    boolean record(Handle h, long id, Instant due, Instant firedAt, FiringOutcome outcome, String detail) {
        try {
            h.createUpdate("INSERT INTO programme_firing (announcement_id, due_at, fired_at, lateness_ms, outcome, "
                            + "detail) VALUES (:id, :due, :fired, :late, :outcome, :detail)")
                    .bind("id", id).bind("due", Rows.utc(due)).bind("fired", Rows.utc(firedAt))
                    .bind("late", firedAt == null ? null : Duration.between(due, firedAt).toMillis())
                    .bind("outcome", outcome.name()).bind("detail", detail)
                    .execute();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    boolean exists(Handle h, long id) {
        return h.createQuery("SELECT COUNT(*) FROM programme_firing WHERE announcement_id = :id").bind("id", id)
                .mapTo(Integer.class).one() > 0;
    }

    /** The firings of the given announcements due in {@code [from, to)}. */
    List<Row> between(Handle h, List<Long> ids, Instant from, Instant to) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return h.createQuery("SELECT announcement_id, due_at, fired_at, lateness_ms, outcome, detail "
                        + "FROM programme_firing WHERE announcement_id IN (<ids>) AND due_at >= :from AND due_at < :to "
                        + "ORDER BY due_at")
                .bindList("ids", ids).bind("from", Rows.utc(from)).bind("to", Rows.utc(to))
                .map((rs, ctx) -> new Row(rs.getLong("announcement_id"), Rows.instant(rs, "due_at"),
                        Rows.instant(rs, "fired_at"), (Long) rs.getObject("lateness_ms", Long.class),
                        FiringOutcome.valueOf(rs.getString("outcome")), rs.getString("detail")))
                .list();
    }
}
