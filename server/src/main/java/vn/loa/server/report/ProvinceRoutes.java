package vn.loa.server.report;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * {@code GET /api/v1/reports/province?from=&to=&format=}: the report over the downstream communes below the caller's
 * unit (default this month to today, at most as long as the log's period), as JSON, or {@code csv} / {@code xlsx} to
 * download. Any signed-in user, for their own unit.
 */
final class ProvinceRoutes {

    private final ProvinceReport report;
    private final LogReport periods;
    private final Blocking blocking;

    /** @param periods says what period a {@code from}/{@code to} pair means, as for the log */
    ProvinceRoutes(ProvinceReport report, LogReport periods, Blocking blocking) {
        this.report = report;
        this.periods = periods;
        this.blocking = blocking;
    }

    void answer(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        LocalDate[] period = periods.period(LogRoutes.date(ctx, "from"), LogRoutes.date(ctx, "to"));
        String format = LogRoutes.format(ctx);
        if (format.equals("json")) {
            Replies.reply(ctx, 200, blocking.run(() -> report.json(caller, period[0], period[1])));
            return;
        }
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw Refusal.invalid("invalid_request", "Định dạng là json, csv hoặc xlsx / format is json, csv or xlsx",
                    "format");
        }
        ReportRoutes.download(ctx, blocking, () -> report.table(caller, period[0], period[1]), format,
                "bao-cao-theo-xa-" + period[0] + "-" + period[1]);
    }
}
