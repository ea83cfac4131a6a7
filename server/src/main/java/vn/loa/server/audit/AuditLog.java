package vn.loa.server.audit;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import vn.loa.server.auth.Caller;
import vn.loa.server.db.Rows;

/**
 * Writes audit records: who did what to which target, when and from where. Called inside the same transaction as the
 * change it records, so a change and its record land together or not at all.
 */
public final class AuditLog {

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(Handle h, Caller who, String action, String target, String detail) {
        record(h, who.username(), who.address(), who.unitPath(), action, target, detail);
    }

    /** Records an act by someone who is not signed in (a failed sign-in): {@code unitPath} decides who may read it. */
    public void record(Handle h, String actor, String address, String unitPath, String action, String target,
            String detail) {
        h.createUpdate("INSERT INTO audit (at, actor, address, action, target, unit_path, detail) "
                        + "VALUES (:at, :actor, :address, :action, :target, :unitPath, :detail)")
                .bind("at", Rows.utc(clock.instant()))
                .bind("actor", truncate(actor, 64))
                .bind("address", address)
                .bind("action", action)
                .bind("target", target)
                .bind("unitPath", unitPath)
                .bind("detail", detail == null ? null : truncate(detail, 4000))
                .execute();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
