package vn.loa.server.link;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;
import vn.loa.server.db.Rows;

/**
 * The upstream keeps each commune's statistics per day ({@code link_day_stats}), out of the {@code devices} snapshots
 * it receives, so the province's report can cover a range of days after the snapshot itself was replaced (ADR 0060).
 * A commune is the downstream, or one a province passed up nested in its snapshot (named by the path below, {@code
 * tinh/xa-a}). For each (commune, day) the figures of the newest snapshot (its {@code at}) win. Runs on the receiving
 * transaction's handle; stateless.
 */
final class DayStatisticsIntake {

    /** The column a day is kept in (link_day_stats.stats): a day past it is not kept. */
    private static final int DAY_MAX = 100_000;
    /** How deep nested snapshots are followed (centre, province, commune, and one more). */
    private static final int DEPTH = 4;

    private DayStatisticsIntake() {
    }

    /** Keeps the days of {@code snapshot} from {@code downstream}, and those of the systems nested in it. */
    static void keep(Handle h, String downstream, JsonObject snapshot, Instant now) {
        keep(h, downstream, downstream, snapshot, now, DEPTH);
    }

    private static void keep(Handle h, String downstream, String commune, JsonObject snapshot, Instant now,
            int depth) {
        Instant taken;
        try {
            taken = Instant.parse(snapshot.getString("at", snapshot.getString("receivedAt", "")));
        } catch (RuntimeException e) {
            return; // a nested snapshot without its time: its figures cannot be ordered against others
        }
        JsonObject statistics = snapshot.getValue("statistics") instanceof JsonObject s ? s : new JsonObject();
        String name = statistics.getValue("unit") instanceof String unit ? unit : commune;
        JsonArray days = statistics.getValue("days") instanceof JsonArray d ? d : new JsonArray();
        for (Object o : days) {
            if (o instanceof JsonObject day) {
                day(h, downstream, commune, name, day, taken, now);
            }
        }
        if (depth <= 1 || !(snapshot.getValue("downstreams") instanceof JsonArray below)) {
            return;
        }
        for (Object o : below) {
            if (o instanceof JsonObject nested && nested.getValue("id") instanceof String id && !id.isBlank()
                    && !nested.getBoolean("omitted", false)) {
                keep(h, downstream, cut(commune + "/" + id, 200), nested, now, depth - 1);
            }
        }
    }

    private static void day(Handle h, String downstream, String commune, String name, JsonObject day, Instant taken,
            Instant now) {
        LocalDate date;
        try {
            date = LocalDate.parse(day.getString("day"));
        } catch (RuntimeException e) {
            return; // a day this version cannot read: skipped, the others stand
        }
        String stats = day.encode();
        if (stats.length() > DAY_MAX) {
            return;
        }
        int updated = h.createUpdate("UPDATE link_day_stats SET stats = :s, name = :name, taken_at = :t, "
                        + "received_at = :now, downstream_id = :d "
                        + "WHERE commune = :c AND stat_day = :day AND taken_at < :t")
                .bind("s", stats).bind("name", cut(name, 200)).bind("t", Rows.utc(taken)).bind("now", Rows.utc(now))
                .bind("d", downstream).bind("c", commune).bind("day", date).execute();
        if (updated == 0 && h.createQuery("SELECT COUNT(*) FROM link_day_stats "
                        + "WHERE commune = :c AND stat_day = :day")
                .bind("c", commune).bind("day", date).mapTo(Integer.class).one() == 0) {
            h.createUpdate("INSERT INTO link_day_stats (commune, stat_day, downstream_id, name, stats, taken_at, "
                            + "received_at) VALUES (:c, :day, :d, :name, :s, :t, :now)")
                    .bind("s", stats).bind("name", cut(name, 200)).bind("t", Rows.utc(taken))
                    .bind("now", Rows.utc(now)).bind("d", downstream).bind("c", commune).bind("day", date).execute();
        }
    }

    private static String cut(String text, int most) {
        return text.length() > most ? text.substring(0, most) : text;
    }
}
