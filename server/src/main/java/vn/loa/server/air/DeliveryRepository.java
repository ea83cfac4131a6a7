package vn.loa.server.air;

import java.time.Instant;
import org.jdbi.v3.core.Handle;
import vn.loa.core.model.DeliveryState;
import vn.loa.server.db.Rows;

/** Writes one delivery row per announcement and node. Stateless; runs on the caller's handle. */
final class DeliveryRepository {

    /** Sets the node's delivery state, creating the row on first use. */
    void record(Handle h, long announcement, String node, DeliveryState state, String detail, Instant at) {
        // Update, then insert: portable between H2 and PostgreSQL; one writer thread means no race between the two.
        int updated = h.createUpdate("UPDATE delivery SET state = :state, detail = :detail, updated_at = :at "
                        + "WHERE announcement_id = :a AND node_id = :n")
                .bind("state", state.name()).bind("detail", detail).bind("at", Rows.utc(at))
                .bind("a", announcement).bind("n", node).execute();
        if (updated == 0) {
            h.createUpdate("INSERT INTO delivery (announcement_id, node_id, state, detail, updated_at) "
                            + "VALUES (:a, :n, :state, :detail, :at)")
                    .bind("state", state.name()).bind("detail", detail).bind("at", Rows.utc(at))
                    .bind("a", announcement).bind("n", node).execute();
        }
    }

    /**
     * As {@link #record}, but a node that already reported PLAYED keeps it: an agent holding the file plays it from
     * storage at its time, and its report may be written before the air's own rows for the same moment.
     */
    void recordUnlessPlayed(Handle h, long announcement, String node, DeliveryState state, String detail, Instant at) {
        int played = h.createQuery("SELECT COUNT(*) FROM delivery WHERE announcement_id = :a AND node_id = :n "
                + "AND state = 'PLAYED'").bind("a", announcement).bind("n", node).mapTo(Integer.class).one();
        if (played == 0) {
            record(h, announcement, node, state, detail, at);
        }
    }
}
