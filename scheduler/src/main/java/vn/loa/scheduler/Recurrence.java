package vn.loa.scheduler;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * When a programme item airs: once at {@code at}; or on a Quartz cron rule, from {@code at} (when set) until
 * {@code until} (when set). Cron rules are read in the station's time zone, {@link #STATION_ZONE}.
 */
public record Recurrence(Instant at, String cron, Instant until) {

    /** Every programme grid is kept in Vietnam's time; Vietnam has no daylight saving. */
    public static final ZoneId STATION_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public Recurrence {
        if (at == null && cron == null) {
            throw new IllegalArgumentException("a recurrence needs a time or a cron rule");
        }
    }

    public boolean isRepeating() {
        return cron != null;
    }

    /** Why a cron rule cannot be used, in Vietnamese for the clerk; empty when it is a valid Quartz rule. */
    public static Optional<String> problemWith(String cron) {
        try {
            new CronExpression(cron);
            return Optional.empty();
        } catch (ParseException e) {
            return Optional.of("Lịch lặp lại (cron) không hợp lệ: '" + cron + "'. Dùng cú pháp Quartz có giây, ví dụ "
                    + "'0 30 6 * * ?' (6 giờ 30 hằng ngày) hoặc '0 0 17 ? * MON-FRI' (17 giờ các ngày thường).");
        }
    }

    /**
     * Why this rule cannot be planned at {@code now}, in Vietnamese naming the field; empty when it can: it must air
     * at least once (before {@code until} when set, within {@link #HORIZON} otherwise) and never twice within
     * {@code minInterval}. A valid rule such as {@code 0 0 0 30 2 ?} (30 February) never airs.
     */
    public Optional<String> problemFrom(Instant now, java.time.Duration minInterval) {
        if (!isRepeating()) {
            return Optional.empty();
        }
        Instant start = at != null && at.isAfter(now) ? at : now;
        Instant end = until != null ? until : start.plus(HORIZON);
        List<Instant> airings = between(start, end, SAMPLE);
        if (airings.isEmpty()) {
            return Optional.of("Lịch lặp lại 'schedule.cron' ('" + cron + "') không có lần phát nào "
                    + (until != null ? "trước thời điểm kết thúc 'schedule.until'." : "trong " + HORIZON.toDays()
                    + " ngày tới.") + " Kiểm tra ngày, tháng và thứ trong lịch.");
        }
        for (int i = 1; i < airings.size(); i++) {
            if (java.time.Duration.between(airings.get(i - 1), airings.get(i)).compareTo(minInterval) < 0) {
                return Optional.of("Lịch lặp lại 'schedule.cron' ('" + cron + "') phát dày hơn mức cho phép: hai lần "
                        + "phát phải cách nhau ít nhất " + minInterval.toSeconds() + " giây.");
            }
        }
        return Optional.empty();
    }

    /** How far ahead a rule without {@code until} must air at least once: four years and a day, for 29 February. */
    static final java.time.Duration HORIZON = java.time.Duration.ofDays(4 * 366 + 1);
    /** How many airings are checked for spacing. */
    private static final int SAMPLE = 200;

    /** The first airing strictly after {@code t}, if any is left. */
    public Optional<Instant> nextAfter(Instant t) {
        if (!isRepeating()) {
            return at.isAfter(t) ? Optional.of(at) : Optional.empty();
        }
        Instant from = at != null && at.isAfter(t) ? at.minusMillis(1) : t;
        Date next = expression().getNextValidTimeAfter(Date.from(from));
        if (next == null || (until != null && next.toInstant().isAfter(until))) {
            return Optional.empty();
        }
        return Optional.of(next.toInstant());
    }

    /** The airings in {@code [from, to)}, at most {@code max} of them, in order. */
    public List<Instant> between(Instant from, Instant to, int max) {
        List<Instant> out = new ArrayList<>();
        Optional<Instant> next = nextAfter(from.minusMillis(1));
        while (next.isPresent() && next.get().isBefore(to) && out.size() < max) {
            out.add(next.get());
            next = nextAfter(next.get());
        }
        return out;
    }

    CronExpression expression() {
        try {
            CronExpression expression = new CronExpression(cron);
            expression.setTimeZone(TimeZone.getTimeZone(STATION_ZONE));
            return expression;
        } catch (ParseException e) {
            throw new IllegalArgumentException(problemWith(cron).orElseThrow(), e);
        }
    }
}
