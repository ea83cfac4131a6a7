package vn.loa.server.audit;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends the audit log to a syslog receiver in id order, at least once: the last id sent is kept in the database
 * ({@code audit_cursor}), so rows written while the receiver was away, or while Loa was down, follow when it is back.
 *
 * <p>Ids are handed out before commit, so a row with a lower id may still appear after a higher one was sent. The
 * forwarder therefore stops at a missing id and waits for it; an id still missing after {@link #GAP_WAIT} belonged to
 * a transaction that rolled back, and is passed.
 */
final class AuditForwarder {

    static final String CURSOR = "syslog";
    static final Duration GAP_WAIT = Duration.ofSeconds(30);
    private static final int BATCH = 500;

    private final Jdbi jdbi;
    private final SyslogLink link;
    private final SyslogFormat format;
    private long gapAfter = -1;
    private long gapSeenNanos;

    AuditForwarder(Jdbi jdbi, SyslogLink link, SyslogFormat format) {
        this.jdbi = jdbi;
        this.link = link;
        this.format = format;
    }

    /** The last id sent (0 before the first). */
    long sentThrough() {
        return jdbi.withHandle(h -> h.createQuery("SELECT last_id FROM audit_cursor WHERE name = :n").bind("n", CURSOR)
                .mapTo(Long.class).findOne().orElse(0L));
    }

    /** Sends what is waiting, batch by batch; returns how many rows were sent. Throws when the receiver fails. */
    int forward() throws IOException {
        int sent = 0;
        while (true) {
            long cursor = sentThrough();
            List<AuditChain.Row> rows = jdbi.withHandle(h -> h.createQuery("SELECT " + AuditChain.Row.COLUMNS
                            + " FROM audit WHERE id > :c ORDER BY id FETCH FIRST " + BATCH + " ROWS ONLY")
                    .bind("c", cursor).map(AuditChain.Row.MAPPER).list());
            long through = cursor;
            if (!rows.isEmpty() && !link.alive()) {
                link.close();
            }
            for (AuditChain.Row row : rows) {
                if (row.id() != through + 1 && through > 0 && !gapPassed(through)) {
                    break;
                }
                link.send(format.frame(row));
                through = row.id();
                sent++;
            }
            if (through == cursor) {
                return sent;
            }
            link.flush();
            if (!link.alive()) {
                // Sent into a connection the receiver had closed: not delivered; sent again on the next connection.
                throw new IOException("the syslog receiver closed the connection");
            }
            save(cursor, through);
            if (rows.size() < BATCH) {
                return sent;
            }
        }
    }

    /** Whether the missing ids after {@code through} have been missing long enough to be a rollback's. */
    private boolean gapPassed(long through) {
        // Elapsed time, not the calendar: how long a transaction may hold an id does not change with the clock.
        long now = System.nanoTime();
        if (gapAfter != through) {
            gapAfter = through;
            gapSeenNanos = now;
            return false;
        }
        return now - gapSeenNanos >= GAP_WAIT.toNanos();
    }

    private void save(long from, long through) {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE audit_cursor SET last_id = :t WHERE name = :n AND last_id = :f")
                    .bind("t", through).bind("n", CURSOR).bind("f", from).execute();
            if (updated == 0 && from == 0) {
                h.createUpdate("INSERT INTO audit_cursor (name, last_id) VALUES (:n, :t)")
                        .bind("n", CURSOR).bind("t", through).execute();
            }
        });
    }
}
