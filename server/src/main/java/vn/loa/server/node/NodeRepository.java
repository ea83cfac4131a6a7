package vn.loa.server.node;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.core.model.Node;
import vn.loa.core.model.NodeKind;
import vn.loa.server.db.Rows;
import vn.loa.server.db.Scoped;
import vn.loa.server.device.ZonedRepository;

/** SQL for loudspeaker nodes. Stateless; every method runs on the caller's handle. */
public final class NodeRepository implements ZonedRepository<Node> {

    private static final String COLUMNS = "n.id, n.name, n.zone_id, n.kind, n.address, n.codec, n.lat, n.lon, "
            + "n.on_hours";
    private static final RowMapper<Node> NODE = (rs, ctx) -> new Node(rs.getString("id"), rs.getString("name"),
            rs.getString("zone_id"), NodeKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
            rs.getString("address"), rs.getString("codec"), degrees(rs, "lat"), degrees(rs, "lon"),
            rs.getString("on_hours"));

    private static Double degrees(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** The node and the path of its zone, so callers can check scope in one query. */
    @Override
    public Optional<Scoped<Node>> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + ", z.path FROM node n JOIN zone z ON z.id = n.zone_id WHERE n.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Scoped<>(NODE.map(rs, ctx), rs.getString("path")))
                .findOne();
    }

    @Override
    public List<Node> inSubtree(Handle h, String pathPrefix) {
        return h.createQuery("SELECT " + COLUMNS + " FROM node n JOIN zone z ON z.id = n.zone_id "
                        + "WHERE LEFT(z.path, :n) = :prefix ORDER BY n.id")
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix).map(NODE).list();
    }

    /** The agent node with this id whose control-channel token hashes to {@code tokenHash}. */
    public Optional<Node> agentWithToken(Handle h, String id, String tokenHash) {
        return withToken(h, NodeKind.AGENT, id, tokenHash);
    }

    /** The node of {@code kind} with this id whose token hashes to {@code tokenHash}. */
    public Optional<Node> withToken(Handle h, NodeKind kind, String id, String tokenHash) {
        return h.createQuery("SELECT " + COLUMNS + " FROM node n WHERE n.id = :id AND n.kind = :kind "
                        + "AND n.token_hash = :hash")
                .bind("id", id).bind("kind", kind.wireName()).bind("hash", tokenHash).map(NODE).findOne();
    }

    /** Moves an RTP node to {@code address} (host:port), as it said it is now. */
    public void moveTo(Handle h, String id, String address) {
        h.createUpdate("UPDATE node SET address = :address WHERE id = :id AND kind = 'rtp'")
                .bind("address", address).bind("id", id).execute();
    }

    /** The nodes directly in one zone (not below it). */
    public List<Node> inZone(Handle h, String zoneId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM node n WHERE n.zone_id = :z ORDER BY n.id")
                .bind("z", zoneId).map(NODE).list();
    }

    @Override
    public boolean exists(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM node WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    @Override
    public void insert(Handle h, Node node, Instant now) {
        h.createUpdate("INSERT INTO node (id, name, zone_id, kind, address, codec, lat, lon, on_hours, created_at, "
                        + "updated_at) VALUES (:id, :name, :zone, :kind, :address, :codec, :lat, :lon, :onHours, :at, :at)")
                .bindMethods(node).bind("kind", node.kind().wireName()).bind("at", Rows.utc(now))
                .execute();
    }

    @Override
    public void update(Handle h, Node node, Instant now) {
        h.createUpdate("UPDATE node SET name = :name, zone_id = :zone, kind = :kind, address = :address, "
                        + "codec = :codec, lat = :lat, lon = :lon, on_hours = :onHours, updated_at = :at WHERE id = :id")
                .bindMethods(node).bind("kind", node.kind().wireName()).bind("at", Rows.utc(now))
                .execute();
    }

    @Override
    public void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM node WHERE id = :id").bind("id", id).execute();
    }
}
