package vn.loa.server.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;

/**
 * How long each node agent of the caller's unit was connected over the last days, from {@code node_presence}: hours
 * online and the share of the period (counted from the node's registration when that is later). Third-party RTP
 * speakers cannot tell whether they are up, so they are not listed. Blocking (JDBC); call it on a worker.
 */
public final class AvailabilityReport {

    private record NodeRow(String id, String name, String zone, Instant created) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public AvailabilityReport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public Table table(Caller caller, int days) {
        Instant now = clock.instant();
        List<List<Object>> rows = new ArrayList<>();
        for (NodeTime node : between(caller, now.minus(Duration.ofDays(days)), now)) {
            double percent = node.period() <= 0 ? 0 : Math.round(1000.0 * node.online() / node.period()) / 10.0;
            rows.add(List.of(node.id(), node.name(), node.zone(), Math.round(node.online() / 360_000.0) / 10.0,
                    percent));
        }
        return new Table("Loa sẵn sàng", List.of(new Table.Column("node", "Mã loa"), new Table.Column("name", "Tên"),
                new Table.Column("zone", "Khu vực"), new Table.Column("onlineHours", "Giờ kết nối"),
                new Table.Column("availabilityPercent", "Tỷ lệ sẵn sàng (%)")), rows);
    }

    /**
     * An agent's time connected from {@code from} to {@code to} (capped at now), in milliseconds, and the period it
     * could have been (from its registration when that is later).
     */
    public record NodeTime(String id, String name, String zone, long online, long period) {
    }

    /** Each node agent of the caller's unit, connected how long of {@code from}..{@code to}. */
    public List<NodeTime> between(Caller caller, Instant from, Instant to) {
        Instant end = min(to, clock.instant());
        String prefix = caller.unitPath();
        Map<String, Long> onlineMillis = new HashMap<>();
        List<NodeRow> nodes = jdbi.withHandle(h -> {
            h.createQuery("SELECT node_id, online_from, online_to FROM node_presence "
                            + "WHERE (online_to IS NULL OR online_to > :from) AND online_from < :to")
                    .bind("from", Rows.utc(from)).bind("to", Rows.utc(end))
                    .map((rs, ctx) -> {
                        Instant start = max(Rows.instant(rs, "online_from"), from);
                        Instant stop = Rows.instant(rs, "online_to") == null ? end
                                : min(Rows.instant(rs, "online_to"), end);
                        long millis = Math.max(0, Duration.between(start, stop).toMillis());
                        return onlineMillis.merge(rs.getString("node_id"), millis, Long::sum);
                    }).list();
            return h.createQuery("SELECT n.id, n.name, z.name AS zone_name, n.created_at FROM node n "
                            + "JOIN zone z ON z.id = n.zone_id WHERE n.kind = 'agent' AND LEFT(z.path, :n) = :prefix "
                            + "AND n.created_at < :to ORDER BY z.path, n.id")
                    .bind("n", prefix.length()).bind("prefix", prefix).bind("to", Rows.utc(end))
                    .map((rs, ctx) -> new NodeRow(rs.getString("id"), rs.getString("name"), rs.getString("zone_name"),
                            Rows.instant(rs, "created_at")))
                    .list();
        });
        List<NodeTime> out = new ArrayList<>();
        for (NodeRow node : nodes) {
            long period = Math.max(0, Duration.between(max(node.created(), from), end).toMillis());
            out.add(new NodeTime(node.id(), node.name(), node.zone(),
                    Math.min(onlineMillis.getOrDefault(node.id(), 0L), period), period));
        }
        return out;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
