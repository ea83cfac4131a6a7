package vn.loa.server.report;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.function.BiFunction;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;

/**
 * {@code GET /api/v1/reports/broadcasts}, {@code /availability} and {@code /proof-of-play}: a report over the last
 * {@code days} (default 7) as JSON, or with {@code format=csv|xlsx} as a file to download. Any signed-in user, for
 * their own unit.
 */
public final class ReportRoutes {

    private final BroadcastReport broadcasts;
    private final AvailabilityReport availability;
    private final ProofOfPlayReport plays;
    private final Blocking blocking;
    private final LogRoutes log;
    private final ProvinceRoutes province;

    /** Every report of the unit's broadcasts, speakers, boards and log, read from {@code jdbi}. */
    public static ReportRoutes of(org.jdbi.v3.core.Jdbi jdbi, java.time.Clock clock, Blocking blocking) {
        return new ReportRoutes(new BroadcastReport(jdbi, clock), new AvailabilityReport(jdbi, clock),
                new ProofOfPlayReport(jdbi, clock), new LogReport(jdbi, clock), new ProvinceReport(jdbi), blocking);
    }

    /**
     * @param log the broadcast log and its monthly report, mounted with the others
     * @param province the report over the downstream communes, for the same periods as the log
     */
    public ReportRoutes(BroadcastReport broadcasts, AvailabilityReport availability, ProofOfPlayReport plays,
            LogReport log, ProvinceReport province, Blocking blocking) {
        this.broadcasts = broadcasts;
        this.availability = availability;
        this.plays = plays;
        this.blocking = blocking;
        this.log = new LogRoutes(log, blocking);
        this.province = new ProvinceRoutes(province, log, blocking);
    }

    public void mount(RouterBuilder api) {
        api.getRoute("reportBroadcasts").addHandler(ctx -> answer(ctx, "phat-thanh", broadcasts::table));
        api.getRoute("reportAvailability").addHandler(ctx -> answer(ctx, "loa-san-sang", availability::table));
        api.getRoute("reportProofOfPlay").addHandler(ctx -> {
            String by = ctx.queryParams().get("by") == null ? "board" : ctx.queryParams().get("by");
            ProofOfPlayReport.By sum = ProofOfPlayReport.By.valueOf(by.toUpperCase(java.util.Locale.ROOT));
            answer(ctx, "trinh-chieu-" + by, (caller, days) -> plays.table(caller, days, sum));
        });
        log.mount(api);
        api.getRoute("reportProvince").addHandler(province::answer);
    }

    /** Answers {@code table} as a CSV or XLSX file named {@code name}.{@code format}, made on a worker. */
    static void download(RoutingContext ctx, Blocking blocking, java.util.function.Supplier<Table> table,
            String format, String name) {
        boolean csv = format.equals("csv");
        blocking.run(() -> csv ? TableFiles.csv(table.get()) : TableFiles.xlsx(table.get()))
                .onFailure(ctx::fail).onSuccess(bytes -> ctx.response()
                        .putHeader("Content-Type", csv ? "text/csv; charset=utf-8"
                                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"")
                        .end(Buffer.buffer(bytes)));
    }

    private void answer(RoutingContext ctx, String fileName, BiFunction<Caller, Integer, Table> report) {
        Caller caller = RequestCaller.of(ctx);
        int days = ctx.queryParams().get("days") == null ? 7 : Integer.parseInt(ctx.queryParams().get("days"));
        String format = ctx.queryParams().get("format") == null ? "json" : ctx.queryParams().get("format");
        if (format.equals("json")) {
            Replies.reply(ctx, 200, blocking.run(() -> report.apply(caller, days).json()));
            return;
        }
        download(ctx, blocking, () -> report.apply(caller, days), format, fileName + "-" + days + "-ngay");
    }
}
