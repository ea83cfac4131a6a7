package vn.loa.server.air;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/**
 * SQL for store-and-forward: the announcements rendered ahead, the nodes each is for, and which of them fetched it.
 * Stateless; every method runs on the caller's handle.
 */
final class PrefetchRepository {

    /** A stored item as read back: {@code fetched} is a subset of {@code nodes}. */
    record Row(long id, String sha256, long bytes, Instant playAt, Set<String> nodes, Set<String> fetched) {
    }

    /** Replaces whatever was stored for the item with this one, its nodes not fetched yet. */
    void save(Handle h, long id, String sha256, long bytes, Instant playAt, Collection<String> nodes) {
        delete(h, id);
        h.createUpdate("INSERT INTO prefetch_item (announcement_id, sha256, bytes, play_at) "
                        + "VALUES (:id, :sha, :bytes, :at)")
                .bind("id", id).bind("sha", sha256).bind("bytes", bytes).bind("at", Rows.utc(playAt)).execute();
        var batch = h.prepareBatch("INSERT INTO prefetch_node (announcement_id, node_id) VALUES (:id, :node)");
        nodes.forEach(n -> batch.bind("id", id).bind("node", n).add());
        batch.execute();
    }

    /** Notes that the node holds the item's file, checked. */
    void fetched(Handle h, long id, String node, Instant at) {
        h.createUpdate("UPDATE prefetch_node SET fetched_at = :at "
                        + "WHERE announcement_id = :id AND node_id = :node AND fetched_at IS NULL")
                .bind("at", Rows.utc(at)).bind("id", id).bind("node", node).execute();
    }

    void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM prefetch_node WHERE announcement_id = :id").bind("id", id).execute();
        h.createUpdate("DELETE FROM prefetch_item WHERE announcement_id = :id").bind("id", id).execute();
    }

    /** Every stored item with its nodes. */
    List<Row> all(Handle h) {
        List<Row> items = h.createQuery("SELECT announcement_id, sha256, bytes, play_at FROM prefetch_item "
                        + "ORDER BY announcement_id")
                .map((rs, ctx) -> new Row(rs.getLong("announcement_id"), rs.getString("sha256"), rs.getLong("bytes"),
                        Rows.instant(rs, "play_at"), new java.util.HashSet<>(), new java.util.HashSet<>()))
                .list();
        var byId = new java.util.HashMap<Long, Row>();
        items.forEach(r -> byId.put(r.id(), r));
        h.createQuery("SELECT announcement_id, node_id, fetched_at FROM prefetch_node").map((rs, ctx) -> {
            Row row = byId.get(rs.getLong("announcement_id"));
            if (row != null) {
                row.nodes().add(rs.getString("node_id"));
                if (rs.getObject("fetched_at") != null) {
                    row.fetched().add(rs.getString("node_id"));
                }
            }
            return row;
        }).list();
        return items;
    }

    /**
     * The items no longer needed: their announcement ended (aired, failed or cancelled) and their play time is before
     * {@code endedBefore}, or their play time is before {@code waitingBefore} whatever became of it.
     */
    List<Long> finished(Handle h, Instant endedBefore, Instant waitingBefore) {
        return h.createQuery("SELECT p.announcement_id FROM prefetch_item p JOIN announcement a "
                        + "ON a.id = p.announcement_id WHERE (a.state IN ('DONE', 'FAILED', 'CANCELLED') "
                        + "AND p.play_at < :ended) OR p.play_at < :waiting")
                .bind("ended", Rows.utc(endedBefore)).bind("waiting", Rows.utc(waitingBefore)).mapTo(Long.class).list();
    }
}
