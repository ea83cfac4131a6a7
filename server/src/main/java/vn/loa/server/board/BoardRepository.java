package vn.loa.server.board;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.server.db.Rows;
import vn.loa.server.db.Scoped;
import vn.loa.server.device.ZonedRepository;

/** SQL for display boards. Stateless; every method runs on the caller's handle. */
public final class BoardRepository implements ZonedRepository<Board> {

    private static final String COLUMNS = "b.id, b.name, b.zone_id, b.kind, b.width, b.height, b.driver, "
            + "b.orientation, b.colour_bits, b.brightness, b.lat, b.lon, b.layout";
    private static final RowMapper<Board> BOARD = (rs, ctx) -> new Board(rs.getString("id"), rs.getString("name"),
            rs.getString("zone_id"), BoardKind.valueOf(rs.getString("kind")), rs.getInt("width"), rs.getInt("height"),
            rs.getString("driver"), rs.getString("orientation"), rs.getInt("colour_bits"), rs.getString("brightness"),
            rs.getObject("lat") == null ? null : rs.getDouble("lat"), rs.getObject("lon") == null ? null : rs.getDouble("lon"),
            rs.getString("layout"));

    @Override
    public Optional<Scoped<Board>> find(Handle h, String id) {
        return h.createQuery("SELECT " + COLUMNS + ", z.path FROM board b JOIN zone z ON z.id = b.zone_id WHERE b.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Scoped<>(BOARD.map(rs, ctx), rs.getString("path")))
                .findOne();
    }

    @Override
    public List<Board> inSubtree(Handle h, String pathPrefix) {
        return h.createQuery("SELECT " + COLUMNS + " FROM board b JOIN zone z ON z.id = b.zone_id "
                        + "WHERE LEFT(z.path, :n) = :prefix ORDER BY b.id")
                .bind("n", pathPrefix.length()).bind("prefix", pathPrefix).map(BOARD).list();
    }

    @Override
    public boolean exists(Handle h, String id) {
        return h.createQuery("SELECT COUNT(*) FROM board WHERE id = :id").bind("id", id).mapTo(Integer.class).one() > 0;
    }

    @Override
    public void insert(Handle h, Board board, Instant now) {
        h.createUpdate("INSERT INTO board (id, name, zone_id, kind, width, height, driver, orientation, colour_bits, "
                        + "brightness, lat, lon, layout, created_at, updated_at) VALUES (:id, :name, :zone, :kind, "
                        + ":width, :height, :driver, :orientation, :colourBits, :brightness, :lat, :lon, :layout, :at, :at)")
                .bindMethods(board).bind("kind", board.kind().name()).bind("at", Rows.utc(now))
                .execute();
    }

    @Override
    public void update(Handle h, Board board, Instant now) {
        h.createUpdate("UPDATE board SET name = :name, zone_id = :zone, kind = :kind, width = :width, "
                        + "height = :height, driver = :driver, orientation = :orientation, colour_bits = :colourBits, "
                        + "brightness = :brightness, lat = :lat, lon = :lon, layout = :layout, updated_at = :at "
                        + "WHERE id = :id")
                .bindMethods(board).bind("kind", board.kind().name()).bind("at", Rows.utc(now))
                .execute();
    }

    @Override
    public void delete(Handle h, String id) {
        h.createUpdate("DELETE FROM board WHERE id = :id").bind("id", id).execute();
    }
}
