package vn.loa.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.db.Rows;

/**
 * Removes audit rows older than the retention setting, unit by unit, leaving a checkpoint (the hash of the last row
 * removed) where the chain resumes, so what remains still verifies; the removal is itself an audit row. Rows not yet
 * forwarded to syslog are never removed.
 */
final class AuditRetention {

    private final Jdbi jdbi;
    private final AuditLog audit;
    private final Clock clock;

    AuditRetention(Jdbi jdbi, AuditLog audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Removes the rows written before {@code cutoff} with an id up to {@code keepAfter}; returns how many. */
    long removeBefore(Instant cutoff, long keepAfter) {
        List<String> units = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT unit_path FROM audit WHERE at < :c")
                .bind("c", Rows.utc(cutoff)).mapTo(String.class).list());
        long removed = 0;
        for (String unit : units) {
            removed += jdbi.inTransaction(h -> {
                new AuditChain().lockAndHead(h, unit);
                var last = h.createQuery("SELECT id, row_hash FROM audit WHERE unit_path = :p AND at < :c "
                                + "AND id <= :k ORDER BY id DESC FETCH FIRST 1 ROW ONLY")
                        .bind("p", unit).bind("c", Rows.utc(cutoff)).bind("k", keepAfter).mapToMap().findOne();
                if (last.isEmpty()) {
                    return 0L;
                }
                long lastId = ((Number) last.get().get("id")).longValue();
                // An unsealed row (written before the chain existed) is followed by a chain that starts afresh.
                String lastHash = last.get().get("row_hash") == null ? AuditChain.GENESIS
                        : (String) last.get().get("row_hash");
                long n = h.createUpdate("DELETE FROM audit WHERE unit_path = :p AND id <= :id")
                        .bind("p", unit).bind("id", lastId).execute();
                int updated = h.createUpdate("UPDATE audit_checkpoint SET last_id = :id, last_hash = :hash, "
                                + "removed = removed + :n, at = :at WHERE unit_path = :p")
                        .bind("id", lastId).bind("hash", lastHash).bind("n", n).bind("at", Rows.utc(clock.instant()))
                        .bind("p", unit).execute();
                if (updated == 0) {
                    h.createUpdate("INSERT INTO audit_checkpoint (unit_path, last_id, last_hash, removed, at) "
                                    + "VALUES (:p, :id, :hash, :n, :at)")
                            .bind("id", lastId).bind("hash", lastHash).bind("n", n).bind("at", Rows.utc(clock.instant()))
                            .bind("p", unit).execute();
                }
                audit.record(h, "loa", null, unit, "audit.remove", "#" + lastId,
                        "Đã xóa " + n + " dòng nhật ký cũ hơn thời hạn lưu giữ (đến dòng #" + lastId + ")");
                return n;
            });
        }
        return removed;
    }
}
