package vn.loa.server.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.db.Rows;

/**
 * The upstream's report over its downstream communes (issue 14 item 3, ADR 0060): for the days {@code from}..{@code
 * to} of Vietnam's calendar, per commune below the caller's unit, what their statistics sent up say (kept per day in
 * {@code link_day_stats}) and how their speakers took this system's own bulletins (the delivery rows their reports
 * wrote). Blocking (JDBC); call it on a worker.
 */
public final class ProvinceReport {

    private final Jdbi jdbi;

    public ProvinceReport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The communes' rows (see {@link ProvinceTotals#communes}). */
    public List<JsonObject> communes(Caller caller, LocalDate from, LocalDate to) {
        String prefix = caller.unitPath();
        Instant start = from.atStartOfDay(BroadcastReport.VIETNAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(BroadcastReport.VIETNAM).toInstant();
        return jdbi.withHandle(h -> {
            List<ProvinceTotals.Downstream> downstreams = h.createQuery("SELECT d.id, d.name FROM link_downstream d "
                            + "JOIN zone z ON z.id = d.zone_id WHERE LEFT(z.path, :n) = :prefix ORDER BY d.id")
                    .bind("n", prefix.length()).bind("prefix", prefix)
                    .map((rs, ctx) -> new ProvinceTotals.Downstream(rs.getString(1), rs.getString(2))).list();
            if (downstreams.isEmpty()) {
                return List.of();
            }
            List<String> ids = downstreams.stream().map(ProvinceTotals.Downstream::id).toList();
            List<ProvinceTotals.Day> days = h.createQuery("SELECT commune, name, stats FROM link_day_stats "
                            + "WHERE stat_day >= :from AND stat_day <= :to AND downstream_id IN (<ids>) "
                            + "ORDER BY commune, stat_day")
                    .bind("from", from).bind("to", to).bindList("ids", ids)
                    .map((rs, ctx) -> new ProvinceTotals.Day(rs.getString(1), rs.getString(2),
                            new JsonObject(rs.getString(3))))
                    .list();
            List<ProvinceTotals.Delivery> deliveries = h.createQuery("SELECT d.node_id, d.state FROM delivery d "
                            + "WHERE d.updated_at >= :from AND d.updated_at < :to AND EXISTS (SELECT 1 FROM link_sent s "
                            + "WHERE s.announcement_id = d.announcement_id)")
                    .bind("from", Rows.utc(start)).bind("to", Rows.utc(end))
                    .map((rs, ctx) -> new ProvinceTotals.Delivery(rs.getString(1), rs.getString(2))).list();
            return ProvinceTotals.communes(downstreams, days, deliveries);
        });
    }

    /** The report as JSON: {@code {from, to, communes: [...]}}. */
    public JsonObject json(Caller caller, LocalDate from, LocalDate to) {
        return new JsonObject().put("from", from.toString()).put("to", to.toString())
                .put("communes", new JsonArray(List.copyOf(communes(caller, from, to))));
    }

    /** The report as the table of a CSV or XLSX file. */
    public Table table(Caller caller, LocalDate from, LocalDate to) {
        return ProvinceTotals.table(communes(caller, from, to));
    }
}
