package vn.loa.server.zone;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.core.model.Zone;
import vn.loa.server.db.Rows;

/** SQL for the zone tree. Stateless; every method runs on the caller's handle (and transaction). */
public final class ZoneRepository {

    private static final RowMapper<Zone> ZONE = (rs, ctx) ->
            new Zone(rs.getString("id"), rs.getString("name"), rs.getString("parent_id"), rs.getString("path"),
                    rs.getString("multicast"));

    public Optional<Zone> find(Handle h, String id) {
        return h.createQuery("SELECT id, name, parent_id, path, multicast FROM zone WHERE id = :id")
                .bind("id", id).map(ZONE).findOne();
    }

    /** Every zone whose path starts with {@code pathPrefix}: a unit and its whole subtree, root first. */
    public List<Zone> subtree(Handle h, String pathPrefix) {
        // LEFT(path, n) = prefix instead of LIKE: ids may hold '_', a LIKE wildcard.
        return h.createQuery("SELECT id, name, parent_id, path, multicast FROM zone "
                        + "WHERE LEFT(path, :n) = :prefix ORDER BY path")
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix).map(ZONE).list();
    }

    public void insert(Handle h, Zone zone, Instant now) {
        h.createUpdate("INSERT INTO zone (id, name, parent_id, path, multicast, created_at) "
                        + "VALUES (:id, :name, :parent, :path, :multicast, :at)")
                .bind("id", zone.id()).bind("name", zone.name()).bind("parent", zone.parent())
                .bind("multicast", zone.multicast())
                .bind("path", zone.path()).bind("at", Rows.utc(now))
                .execute();
    }

    /** Changes what may change of a zone: its name and its multicast group. */
    public void update(Handle h, String id, String name, String multicast) {
        h.createUpdate("UPDATE zone SET name = :name, multicast = :multicast WHERE id = :id")
                .bind("name", name).bind("multicast", multicast).bind("id", id).execute();
    }

    /** Deletes a zone; the database refuses (SQLSTATE 23503) while anything still points at it. */
    public void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM zone WHERE id = :id").bind("id", id).execute();
    }

    public boolean exists(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM zone WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }
}
