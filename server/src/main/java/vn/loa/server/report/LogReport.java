package vn.loa.server.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;
import vn.loa.server.refusal.Refusal;

/**
 * The broadcast log (sổ nhật ký phát thanh) of the caller's unit over a period of days, and its monthly report per
 * zone, as JSON or as a {@link FiledReport} to print. Days are Vietnam's. Blocking (JDBC); call it on a worker.
 */
public final class LogReport {

    /** Longest period one log covers, in days. */
    public static final int MAX_DAYS = 366;
    static final List<String> LOG_SIGNERS = List.of("Người lập sổ", "Lãnh đạo UBND xã");

    private final Jdbi jdbi;
    private final BroadcastLog log;
    private final Clock clock;

    public LogReport(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.log = new BroadcastLog(jdbi);
        this.clock = clock;
    }

    /** The first day of the current month to today, where the caller names no period. */
    public LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(LogTables.VIETNAM));
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        if (first.isAfter(last)) {
            throw Refusal.invalid("invalid_period", "Ngày bắt đầu phải trước ngày kết thúc / from must not be after to",
                    "from");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw Refusal.invalid("invalid_period", "Sổ nhật ký chỉ lấy tối đa " + MAX_DAYS + " ngày một lần / at most "
                    + MAX_DAYS + " days", "to");
        }
        return new LocalDate[] {first, last};
    }

    /** The entries of {@code from}..{@code to} (both inclusive). */
    public List<Airing> entries(Caller caller, LocalDate from, LocalDate to) {
        return log.between(caller.unitPath(), from.atStartOfDay(LogTables.VIETNAM).toInstant(),
                to.plusDays(1).atStartOfDay(LogTables.VIETNAM).toInstant());
    }

    public JsonObject json(Caller caller, LocalDate from, LocalDate to) {
        JsonArray entries = new JsonArray();
        for (Airing a : entries(caller, from, to)) {
            JsonArray deliveries = new JsonArray();
            a.deliveries().forEach(d -> deliveries.add(new JsonObject().put("node", d.node()).put("name", d.name())
                    .put("state", d.state()).put("detail", d.detail())));
            entries.add(new JsonObject().put("announcement", a.announcement()).put("title", a.title())
                    .put("source", a.source()).put("priority", a.priority()).put("zones", new JsonArray(a.zones()))
                    .put("start", a.start().toString()).put("end", a.end() == null ? null : a.end().toString())
                    .put("seconds", a.seconds(clock.instant())).put("outcome", a.outcome())
                    .put("createdBy", a.createdBy()).put("approvedBy", a.approvedBy()).put("deliveries", deliveries));
        }
        return new JsonObject().put("unit", unitName(caller)).put("from", from.toString()).put("to", to.toString())
                .put("entries", entries);
    }

    /** The log as the page a commune files. */
    public FiledReport filed(Caller caller, LocalDate from, LocalDate to) {
        return new FiledReport(unitName(caller), "Sổ nhật ký phát thanh", from, to,
                LogTables.log(entries(caller, from, to)), LogTables.LOG_WIDTHS, today(), LOG_SIGNERS);
    }

    /** The month's report per zone of the caller's unit. */
    public FiledReport monthly(Caller caller, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<LogTables.ZoneRow> zones = jdbi.withHandle(h -> h.createQuery("SELECT name, path FROM zone "
                        + "WHERE LEFT(path, :n) = :prefix ORDER BY path")
                .bind("n", caller.unitPath().length()).bind("prefix", caller.unitPath())
                .map((rs, ctx) -> new LogTables.ZoneRow(rs.getString("name"), rs.getString("path"))).list());
        return new FiledReport(unitName(caller), "Báo cáo phát thanh tháng " + month.getMonthValue() + "/"
                + month.getYear() + " theo khu vực", from, to,
                LogTables.monthly(zones, entries(caller, from, to), clock.instant()), LogTables.MONTHLY_WIDTHS,
                today(), LOG_SIGNERS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(LogTables.VIETNAM));
    }

    private String unitName(Caller caller) {
        return jdbi.withHandle(h -> h.createQuery("SELECT name FROM zone WHERE id = :id").bind("id", caller.unitId())
                .mapTo(String.class).findOne().orElse(caller.unitId()));
    }
}
