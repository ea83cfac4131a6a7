package vn.loa.server.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;

/**
 * Proof of play over the last days (Vietnam's calendar) for the boards of the caller's unit: per board and item, per
 * campaign, or every play with its start and end, as the players reported them. Blocking (JDBC); call on a worker.
 */
public final class ProofOfPlayReport {

    /** How the plays are summed. */
    public enum By {
        BOARD, CAMPAIGN, PLAY
    }

    private static final String SCOPE = " FROM board_play p JOIN board b ON b.id = p.board_id JOIN zone z ON z.id = b.zone_id "
            + "LEFT JOIN campaign c ON c.id = p.campaign_id WHERE p.shown_at >= :from AND LEFT(z.path, :n) = :prefix ";

    private final Jdbi jdbi;
    private final Clock clock;

    public ProofOfPlayReport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Table table(Caller caller, int days, By by) {
        LocalDate first = LocalDate.ofInstant(clock.instant(), BroadcastReport.VIETNAM).minusDays(days - 1L);
        Instant from = first.atStartOfDay(BroadcastReport.VIETNAM).toInstant();
        String prefix = caller.unitPath();
        return switch (by) {
            case BOARD -> query("Trình chiếu theo bảng", "SELECT p.board_id, b.name, p.item_id, p.campaign_id, "
                            + "COUNT(*) AS plays, SUM(p.millis) AS millis, MIN(p.shown_at) AS first_at" + SCOPE
                            + "GROUP BY p.board_id, b.name, p.item_id, p.campaign_id ORDER BY p.board_id, first_at",
                    from, prefix, List.of(col("board", "Bảng tin"), col("boardName", "Tên bảng tin"), col("item", "Mục"),
                            col("campaign", "Chiến dịch"), col("plays", "Số lần"), col("seconds", "Số giây")),
                    rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), text(rs.getString(4)),
                            rs.getLong(5), rs.getLong(6) / 1000));
            case CAMPAIGN -> query("Trình chiếu theo chiến dịch", "SELECT p.campaign_id, MAX(c.name), "
                            + "COUNT(DISTINCT p.board_id), COUNT(*), SUM(p.millis)" + SCOPE
                            + "AND p.campaign_id IS NOT NULL GROUP BY p.campaign_id ORDER BY p.campaign_id",
                    from, prefix, List.of(col("campaign", "Chiến dịch"), col("name", "Tên chiến dịch"),
                            col("boards", "Số bảng tin"), col("plays", "Số lần"), col("seconds", "Số giây")),
                    rs -> List.of(rs.getString(1), text(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5) / 1000));
            case PLAY -> query("Từng lần trình chiếu", "SELECT p.board_id, p.item_id, p.campaign_id, p.shown_at, "
                            + "p.millis" + SCOPE + "ORDER BY p.shown_at, p.board_id",
                    from, prefix, List.of(col("board", "Bảng tin"), col("item", "Mục"), col("campaign", "Chiến dịch"),
                            col("from", "Từ"), col("to", "Đến")),
                    rs -> {
                        Instant shown = Rows.instant(rs, "shown_at");
                        return List.of(rs.getString(1), rs.getString(2), text(rs.getString(3)), shown.toString(),
                                shown.plusMillis(rs.getLong(5)).toString());
                    });
        };
    }

    /** One row of a result set as cells. */
    private interface Row {
        List<Object> cells(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private Table query(String name, String sql, Instant from, String prefix, List<Table.Column> columns, Row row) {
        List<List<Object>> rows = jdbi.withHandle(h -> h.createQuery(sql).bind("from", Rows.utc(from))
                .bind("n", prefix.length()).bind("prefix", prefix).map((rs, ctx) -> row.cells(rs)).list());
        return new Table(name, columns, rows);
    }

    private static Table.Column col(String key, String header) {
        return new Table.Column(key, header);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
