package vn.loa.server.report;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The province's report by commune, summed from what the communes sent up: their days' statistics ({@link
 * DayStatistics}, kept per day at the upstream) and the deliveries of the upstream's own bulletins to their speakers
 * (nodes {@code <commune>/<node>}). Pure: rows in, rows out.
 */
public final class ProvinceTotals {

    private ProvinceTotals() {
    }

    /** A downstream registered at this system: its id (the commune's key) and name. */
    public record Downstream(String id, String name) {
    }

    /** One commune's statistics of one day, as it sent them; {@code commune} is its path below this system. */
    public record Day(String commune, String name, JsonObject stats) {
    }

    /** One delivery of a bulletin this system sent down: the node as reported ({@code xa-a/loa-1}) and its state. */
    public record Delivery(String node, String state) {
    }

    /**
     * One row per commune, in the order of {@code downstreams} with the communes nested below each after it: {@code
     * {commune, name, days, aired, failed, cancelled, hoursOnAir, zones: [{zone, name, airings, hours}], agents,
     * onlineHours, availabilityPercent, played, undelivered}}. Availability over the range is the days' shares weighted
     * by their agents; null where the commune has no agents (standard RTP speakers report no state).
     */
    public static List<JsonObject> communes(List<Downstream> downstreams, List<Day> days, List<Delivery> deliveries) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (Downstream d : downstreams) {
            sums.put(d.id(), new Sum(d.id(), d.name()));
            days.stream().filter(day -> day.commune().startsWith(d.id() + "/")).map(Day::commune).sorted()
                    .forEach(nested -> sums.computeIfAbsent(nested, c -> new Sum(c, c)));
        }
        for (Day day : days) {
            Sum sum = sums.get(day.commune());
            if (sum != null) {
                sum.add(day);
            }
        }
        for (Delivery d : deliveries) {
            Sum sum = sums.get(sums.containsKey(d.node()) ? d.node() : communeOf(d.node()));
            if (sum != null) {
                sum.played += "PLAYED".equals(d.state()) ? 1 : 0;
                sum.undelivered += "FAILED".equals(d.state()) ? 1 : 0;
            }
        }
        return sums.values().stream().map(Sum::json).toList();
    }

    /** The commune a reported node belongs to: its path without the node ({@code tinh/xa-a/loa-1} → {@code tinh/xa-a}). */
    static String communeOf(String node) {
        int slash = node.lastIndexOf('/');
        return slash < 0 ? node : node.substring(0, slash);
    }

    /** The rows as the table of the CSV and XLSX files, with Vietnamese headers. */
    public static Table table(List<JsonObject> communes) {
        List<List<Object>> rows = new ArrayList<>();
        for (JsonObject c : communes) {
            String zones = c.getJsonArray("zones").stream().map(JsonObject.class::cast)
                    .map(z -> z.getString("name") + ": " + z.getDouble("hours") + " giờ (" + z.getLong("airings")
                            + " lượt)")
                    .collect(Collectors.joining("; "));
            List<Object> row = new ArrayList<>(List.of(c.getString("commune"), c.getString("name"),
                    c.getLong("days"), c.getLong("aired"), c.getLong("failed"), c.getLong("cancelled"),
                    c.getDouble("hoursOnAir"), zones, c.getLong("agents"), c.getDouble("onlineHours")));
            row.add(c.getDouble("availabilityPercent"));
            row.add(c.getLong("played"));
            row.add(c.getLong("undelivered"));
            rows.add(row);
        }
        return new Table("Báo cáo theo xã", List.of(new Table.Column("commune", "Mã xã"),
                new Table.Column("name", "Xã"), new Table.Column("days", "Số ngày có số liệu"),
                new Table.Column("aired", "Bản tin đã phát"), new Table.Column("failed", "Bản tin lỗi"),
                new Table.Column("cancelled", "Bản tin đã hủy"), new Table.Column("hoursOnAir", "Giờ phát sóng"),
                new Table.Column("zones", "Giờ phát theo khu vực"), new Table.Column("agents", "Loa báo trạng thái"),
                new Table.Column("onlineHours", "Giờ kết nối"),
                new Table.Column("availabilityPercent", "Tỷ lệ sẵn sàng (%)"),
                new Table.Column("played", "Lượt loa đã phát bản tin cấp trên"),
                new Table.Column("undelivered", "Lượt loa lỗi bản tin cấp trên")), rows);
    }

    /** What one commune's days add up to. */
    private static final class Sum {
        final String commune;
        String name;
        long days;
        long aired;
        long failed;
        long cancelled;
        long seconds;
        long agents;
        double onlineHours;
        double weightedPercent;
        long weights;
        long played;
        long undelivered;
        final Map<String, long[]> zoneTotals = new LinkedHashMap<>();
        final Map<String, String> zoneNames = new LinkedHashMap<>();

        Sum(String commune, String name) {
            this.commune = commune;
            this.name = name;
        }

        void add(Day day) {
            JsonObject s = day.stats();
            if (commune.contains("/")) {
                name = day.name(); // a nested commune is known only by what it sent
            }
            days++;
            aired += s.getLong("aired", 0L);
            failed += s.getLong("failed", 0L);
            cancelled += s.getLong("cancelled", 0L);
            seconds += s.getLong("secondsOnAir", 0L);
            long dayAgents = s.getLong("agents", 0L);
            agents = Math.max(agents, dayAgents);
            onlineHours += s.getDouble("onlineHours", 0.0);
            Double percent = s.getDouble("availabilityPercent");
            if (percent != null && dayAgents > 0) {
                weightedPercent += percent * dayAgents;
                weights += dayAgents;
            }
            for (Object o : s.getJsonArray("zones", new JsonArray())) {
                if (o instanceof JsonObject z && z.getString("zone") != null) {
                    long[] t = zoneTotals.computeIfAbsent(z.getString("zone"), k -> new long[2]);
                    t[0] += z.getLong("airings", 0L);
                    t[1] += z.getLong("seconds", 0L);
                    zoneNames.put(z.getString("zone"), z.getString("name", z.getString("zone")));
                }
            }
        }

        JsonObject json() {
            JsonArray zones = new JsonArray();
            zoneTotals.forEach((id, t) -> zones.add(new JsonObject().put("zone", id).put("name", zoneNames.get(id))
                    .put("airings", t[0]).put("hours", hours(t[1]))));
            return new JsonObject().put("commune", commune).put("name", name).put("days", days).put("aired", aired)
                    .put("failed", failed).put("cancelled", cancelled).put("hoursOnAir", hours(seconds))
                    .put("zones", zones).put("agents", agents).put("onlineHours", Math.round(onlineHours * 10) / 10.0)
                    .put("availabilityPercent", weights == 0 ? null : Math.round(10 * weightedPercent / weights) / 10.0)
                    .put("played", played).put("undelivered", undelivered);
        }

        /** Hours to the thousandth (3.6 s), so a short bulletin still shows. */
        private static double hours(long seconds) {
            return Math.round(seconds / 3.6) / 1000.0;
        }
    }
}
