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
}
