package vn.loa.server.report;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import vn.loa.server.access.Caller;
import vn.loa.server.http.Blocking;
import vn.loa.server.http.Replies;
import vn.loa.server.http.RequestCaller;
import vn.loa.server.refusal.Refusal;

/**
 * {@code GET /api/v1/reports/log?from=&to=&format=} (the broadcast log, default this month) and
 * {@code GET /api/v1/reports/log/monthly?month=&format=} (the month per zone): JSON, or {@code xlsx} / {@code pdf}
 * laid out to be printed, signed and filed. Any signed-in user, for their own unit.
 */
public final class LogRoutes {

    private final LogReport report;
    private final Blocking blocking;

    public LogRoutes(LogReport report, Blocking blocking) {
        this.report = report;
        this.blocking = blocking;
    }

    public void mount(RouterBuilder api) {
        api.getRoute("reportLog").addHandler(this::log);
        api.getRoute("reportLogMonthly").addHandler(this::monthly);
    }

    private void log(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        LocalDate[] period = report.period(date(ctx, "from"), date(ctx, "to"));
        String format = format(ctx);
        if (format.equals("json")) {
            Replies.reply(ctx, 200, blocking.run(() -> report.json(caller, period[0], period[1])));
            return;
        }
        file(ctx, format, "so-nhat-ky-" + period[0] + "-" + period[1],
                () -> report.filed(caller, period[0], period[1]));
    }

    private void monthly(RoutingContext ctx) {
        Caller caller = RequestCaller.of(ctx);
        String text = ctx.queryParams().get("month");
        YearMonth month;
        try {
            month = text == null ? YearMonth.from(report.period(null, null)[1]) : YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_request", "Tháng có dạng YYYY-MM / month is YYYY-MM", "month");
        }
        String format = format(ctx);
        if (format.equals("json")) {
            Replies.reply(ctx, 200, blocking.run(() -> {
                FiledReport filed = report.monthly(caller, month);
                return new io.vertx.core.json.JsonObject().put("unit", filed.unit()).put("month", month.toString())
                        .put("zones", filed.table().json());
            }));
            return;
        }
        file(ctx, format, "bao-cao-thang-" + month, () -> report.monthly(caller, month));
    }

    private void file(RoutingContext ctx, String format, String name, Supplier<FiledReport> made) {
        boolean pdf = format.equals("pdf");
        blocking.run(() -> pdf ? FiledPdf.write(made.get()) : FiledXlsx.write(made.get()))
                .onFailure(ctx::fail)
                .onSuccess(bytes -> ctx.response()
                        .putHeader("Content-Type", pdf ? "application/pdf"
                                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .putHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"")
                        .end(Buffer.buffer(bytes)));
    }

    static String format(RoutingContext ctx) {
        String format = ctx.queryParams().get("format");
        return format == null ? "json" : format;
    }

    static LocalDate date(RoutingContext ctx, String name) {
        String text = ctx.queryParams().get(name);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("invalid_request", "Ngày có dạng YYYY-MM-DD / a date is YYYY-MM-DD", name);
        }
    }
}
