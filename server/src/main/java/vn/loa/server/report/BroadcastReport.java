package vn.loa.server.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;

/**
 * Broadcasts per day over the last days, in Vietnam's calendar: how many announcements that concern the caller's unit
 * ended aired (DONE), failed or were cancelled on each day. Blocking (JDBC); call it on a worker.
 */
public final class BroadcastReport {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final List<String> ENDS = List.of("DONE", "FAILED", "CANCELLED");

    private final Jdbi jdbi;
    private final Clock clock;

    public BroadcastReport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Table table(Caller caller, int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), VIETNAM);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(VIETNAM).toInstant();
        Map<LocalDate, long[]> counts = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            counts.put(d, new long[ENDS.size()]);
        }
        String prefix = caller.unitPath();
        jdbi.useHandle(h -> h.createQuery("SELECT t.to_state, t.at FROM announcement_transition t "
                        + "WHERE t.to_state IN (<ends>) AND t.at >= :from AND EXISTS (SELECT 1 FROM announcement_zone az "
                        + "JOIN zone z ON z.id = az.zone_id WHERE az.announcement_id = t.announcement_id "
                        + "AND (LEFT(z.path, :n) = :prefix OR LEFT(:prefix, LENGTH(z.path)) = z.path))")
                .bindList("ends", ENDS).bind("from", Rows.utc(from)).bind("n", prefix.length()).bind("prefix", prefix)
                .map((rs, ctx) -> {
                    LocalDate day = LocalDate.ofInstant(Rows.instant(rs, "at"), VIETNAM);
                    long[] row = counts.get(day);
                    if (row != null) {
                        row[ENDS.indexOf(rs.getString("to_state"))]++;
                    }
                    return day;
                }).list());
        List<List<Object>> rows = new ArrayList<>();
        counts.forEach((day, c) -> rows.add(List.of(day.toString(), c[0], c[1], c[2])));
        return new Table("Phát thanh theo ngày", List.of(new Table.Column("day", "Ngày"),
                new Table.Column("done", "Đã phát"), new Table.Column("failed", "Lỗi"),
                new Table.Column("cancelled", "Đã hủy")), rows);
    }
}
