package vn.loa.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Handle;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;
import vn.loa.server.http.ServerPaths;

/**
 * Writes audit records: who did what to which target, when and from where. Called inside the same transaction as the
 * change it records, so a change and its record land together or not at all. Each record is chained to the previous
 * one of its unit ({@link AuditChain}).
 */
public final class AuditLog {

    private final Clock clock;
    private final ServerPaths paths;
    private final AuditChain chain = new AuditChain();

    /** @param paths hides the server's folders in what is recorded (a plugin's origin, an exception's message) */
    public AuditLog(Clock clock, ServerPaths paths) {
        this.clock = clock;
        this.paths = paths;
    }

    public void record(Handle h, Caller who, String action, String target, String detail) {
        record(h, who.username(), who.address(), who.unitPath(), action, target, detail);
    }

    /** Records an act by someone who is not signed in (a failed sign-in): {@code unitPath} decides who may read it. */
    public void record(Handle h, String actor, String address, String unitPath, String action, String target,
            String detail) {
        // Milliseconds: what both databases store exactly, so the hash can be checked against the stored row.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String storedActor = truncate(actor, 64);
        String storedDetail = detail == null ? null : truncate(paths.hide(detail), 4000);
        String prev = chain.lockAndHead(h, unitPath);
        h.createUpdate("INSERT INTO audit (at, actor, address, action, target, unit_path, detail, prev_hash, row_hash) "
                        + "VALUES (:at, :actor, :address, :action, :target, :unitPath, :detail, :prev, :hash)")
                .bind("at", Rows.utc(at))
                .bind("actor", storedActor)
                .bind("address", address)
                .bind("action", action)
                .bind("target", target)
                .bind("unitPath", unitPath)
                .bind("detail", storedDetail)
                .bind("prev", prev)
                .bind("hash", AuditChain.hash(prev, at, storedActor, address, action, target, unitPath, storedDetail))
                .execute();
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
