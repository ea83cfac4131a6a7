package vn.loa.server.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Action;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.refusal.Refusal;

/** Reads the audit log: admins see what was done by people of their own unit and below. Blocking (JDBC). */
public final class AuditQuery {

    /** Optional filters and a page; null means "any". */
    public record Filter(String actor, String action, String target, Instant from, Instant to, int limit, int offset) {
    }

    /** One audit record as stored. */
    public record Entry(long id, Instant at, String actor, String address, String action, String target, String detail) {
    }

    private final Jdbi jdbi;
    private final AuditSeal seal;

    public AuditQuery(Jdbi jdbi, AuditSeal seal) {
        this.jdbi = jdbi;
        this.seal = seal;
    }

    public List<Entry> list(Caller caller, Filter f) {
        requireAdmin(caller);
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, address, action, target, detail FROM audit "
                + "WHERE LEFT(unit_path, :n) = :prefix");
        List<String> conditions = new ArrayList<>();
        if (f.actor() != null) {
            conditions.add("actor = :actor");
        }
        if (f.action() != null) {
            conditions.add("action = :action");
        }
        if (f.target() != null) {
            conditions.add("target = :target");
        }
        if (f.from() != null) {
            conditions.add("at >= :from");
        }
        if (f.to() != null) {
            conditions.add("at < :to");
        }
        conditions.forEach(c -> sql.append(" AND ").append(c));
        sql.append(" ORDER BY id DESC LIMIT :limit OFFSET :offset");
        return jdbi.withHandle(h -> h.createQuery(sql.toString())
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .bind("actor", f.actor()).bind("action", f.action()).bind("target", f.target())
                .bind("from", Rows.utc(f.from())).bind("to", Rows.utc(f.to()))
                .bind("limit", f.limit()).bind("offset", f.offset())
                .map((rs, ctx) -> new Entry(rs.getLong("id"), Rows.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("address"), rs.getString("action"), rs.getString("target"), rs.getString("detail")))
                .list());
    }

    /** Checks the hash chains of the caller's unit and below: has any row been edited, inserted or deleted? */
    public AuditChain.Verification verify(Caller caller) {
        requireAdmin(caller);
        // In a transaction, so PostgreSQL streams the rows instead of loading the whole log.
        return jdbi.inTransaction(h -> new AuditChain().verify(h, caller.unitPath(), seal));
    }

    /** The key that signs the digests, for an admin who checks them elsewhere. */
    public AuditSeal seal(Caller caller) {
        requireAdmin(caller);
        return seal;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.may(Action.MANAGE_USERS)) {
            throw Refusal.forbidden("Chỉ quản trị viên được xem nhật ký hệ thống.");
        }
    }
}
