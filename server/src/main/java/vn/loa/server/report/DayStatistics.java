package vn.loa.server.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import vn.loa.server.access.Caller;

/**
 * A unit's statistics per day of Vietnam's calendar, as a downstream sends them up (the guide's "thống kê", issue 14):
 * announcements that ended aired, failed or cancelled that day; the time on air per zone, from the broadcast log (each
 * airing from its move to ON_AIR to the move that ended it, counted on the day it began, for every zone it reached);
 * and its node agents' availability that day. Only zones that were on air are listed, so a day stays small. Blocking
 * (JDBC); call it on a worker.
 */
public final class DayStatistics {

    /** Most zones one day lists (a commune has a few dozen villages). */
    private static final int MOST_ZONES = 300;

    private final Jdbi jdbi;
    private final Clock clock;
    private final BroadcastReport broadcasts;
    private final AvailabilityReport availability;
    private final BroadcastLog log;

    public DayStatistics(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.broadcasts = new BroadcastReport(jdbi, clock);
        this.availability = new AvailabilityReport(jdbi, clock);
        this.log = new BroadcastLog(jdbi);
    }

    /** A zone of the unit: its id, name and path. */
    private record ZoneRow(String id, String name, String path) {
    }

    /**
     * The last {@code days} days up to today, oldest first: {@code [{day, aired, failed, cancelled, secondsOnAir,
     * zones: [{zone, name, airings, seconds}], agents, onlineHours, availabilityPercent}]}.
     */
    public JsonArray days(Caller unit, int days) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, BroadcastReport.VIETNAM);
        LocalDate first = today.minusDays(days - 1L);
        List<Airing> airings = log.between(unit.unitPath(), start(first), start(today.plusDays(1)));
        List<ZoneRow> zones = jdbi.withHandle(h -> h.createQuery("SELECT id, name, path FROM zone "
                        + "WHERE LEFT(path, :n) = :prefix ORDER BY path")
                .bind("n", unit.unitPath().length()).bind("prefix", unit.unitPath())
                .map((rs, ctx) -> new ZoneRow(rs.getString(1), rs.getString(2), rs.getString(3))).list());
        JsonArray out = new JsonArray();
        for (List<Object> row : broadcasts.table(unit, days).rows()) {
            LocalDate day = LocalDate.parse((String) row.get(0));
            List<Airing> ofDay = airings.stream()
                    .filter(a -> LocalDate.ofInstant(a.start(), BroadcastReport.VIETNAM).equals(day)).toList();
            List<AvailabilityReport.NodeTime> agents = availability.between(unit, start(day), start(day.plusDays(1)));
            long online = agents.stream().mapToLong(AvailabilityReport.NodeTime::online).sum();
            long period = agents.stream().mapToLong(AvailabilityReport.NodeTime::period).sum();
            out.add(new JsonObject().put("day", day.toString()).put("aired", row.get(1)).put("failed", row.get(2))
                    .put("cancelled", row.get(3))
                    .put("secondsOnAir", ofDay.stream().mapToLong(a -> a.seconds(now)).sum())
                    .put("zones", zones(zones, ofDay, now))
                    .put("agents", agents.size()).put("onlineHours", Math.round(online / 360_000.0) / 10.0)
                    .put("availabilityPercent", period <= 0 ? null : Math.round(1000.0 * online / period) / 10.0));
        }
        return out;
    }

    /** Each zone that was on air: the airings that reached it (aimed at it, above it or inside it), their seconds. */
    private static JsonArray zones(List<ZoneRow> zones, List<Airing> airings, Instant now) {
        List<JsonObject> out = new ArrayList<>();
        for (ZoneRow zone : zones) {
            long count = 0;
            long seconds = 0;
            for (Airing a : airings) {
                if (a.reaches(zone.path())) {
                    count++;
                    seconds += a.seconds(now);
                }
            }
            if (count > 0 && out.size() < MOST_ZONES) {
                out.add(new JsonObject().put("zone", zone.id()).put("name", zone.name()).put("airings", count)
                        .put("seconds", seconds));
            }
        }
        return new JsonArray(new ArrayList<Object>(out));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(BroadcastReport.VIETNAM).toInstant();
    }
}
