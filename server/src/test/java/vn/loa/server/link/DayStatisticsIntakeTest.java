package vn.loa.server.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import vn.loa.server.access.Caller;
import vn.loa.server.access.Role;
import vn.loa.server.report.ProvinceReport;
import vn.loa.server.testing.MemoryDatabase;

/**
 * The upstream keeps each commune's days from the snapshots it receives, the newest snapshot's figures winning per
 * day, nested communes under their path, and its report by commune reads them back over a range.
 */
class DayStatisticsIntakeTest {

    private static final Instant NOW = Instant.parse("2026-12-07T05:00:00Z");

    private final MemoryDatabase db = new MemoryDatabase();
    private final Jdbi jdbi = db.jdbi();
    private final Caller province;

    DayStatisticsIntakeTest() {
        String root = db.zone("tinh-x", null);
        db.zone("xa-a", "tinh-x");
        db.zone("tinh-y", null);
        jdbi.useHandle(h -> {
            for (String[] d : new String[][] {{"xa-a", "Đài xã A", "xa-a"}, {"khac", "Tỉnh khác", "tinh-y"}}) {
                h.createUpdate("INSERT INTO link_downstream (id, name, zone_id, key_hash, created_at) VALUES (:id, "
                        + ":name, :z, 'k', :now)").bind("id", d[0]).bind("name", d[1]).bind("z", d[2])
                        .bind("now", OffsetDateTime.parse("2026-12-01T00:00:00Z")).execute();
            }
        });
        province = new Caller("admin", Role.ADMIN, "tinh-x", root, null);
    }

    private static JsonObject snapshot(String at, String unit, long aired, JsonObject... nested) {
        JsonArray days = new JsonArray();
        for (String day : List.of("2026-12-05", "2026-12-06", "2026-12-07")) {
            days.add(new JsonObject().put("day", day).put("aired", aired).put("secondsOnAir", 360 * aired)
                    .put("zones", new JsonArray().add(new JsonObject().put("zone", "thon-1").put("name", "Thôn 1")
                            .put("airings", aired).put("seconds", 360 * aired))));
        }
        return new JsonObject().put("at", at).put("statistics", new JsonObject().put("unit", unit).put("days", days))
                .put("downstreams", new JsonArray(List.of((Object[]) nested)));
    }

    private void receive(String downstream, JsonObject snapshot) {
        jdbi.useTransaction(h -> DayStatisticsIntake.keep(h, downstream, snapshot, NOW));
    }

    @Test
    void theNewestSnapshotsFiguresWinPerDayAndTheReportSumsTheRange() {
        receive("xa-a", snapshot("2026-12-07T04:00:00Z", "Xã A", 2));
        receive("xa-a", snapshot("2026-12-07T03:00:00Z", "Xã A", 9)); // older, arrived late: ignored
        receive("khac", snapshot("2026-12-07T04:00:00Z", "Tỉnh khác", 5));

        List<JsonObject> rows = new ProvinceReport(jdbi).communes(province, LocalDate.parse("2026-12-06"),
                LocalDate.parse("2026-12-07"));

        assertThat(rows).as("only the downstreams below the caller's unit").hasSize(1);
        JsonObject a = rows.get(0);
        assertThat(a.getLong("days")).isEqualTo(2);
        assertThat(a.getLong("aired")).isEqualTo(4);
        assertThat(a.getDouble("hoursOnAir")).isEqualTo(0.4);
        assertThat(a.getJsonArray("zones").getJsonObject(0).getDouble("hours")).isEqualTo(0.4);

        receive("xa-a", snapshot("2026-12-07T04:30:00Z", "Xã A", 3));
        assertThat(new ProvinceReport(jdbi).communes(province, LocalDate.parse("2026-12-07"),
                LocalDate.parse("2026-12-07")).get(0).getLong("aired")).isEqualTo(3);
    }

    @Test
    void aCommuneNestedInAProvincesSnapshotIsKeptUnderItsPath() {
        JsonObject nested = snapshot("2026-12-07T02:00:00Z", "Xã B", 1).put("id", "xa-b").put("zone", "z-xa-b");
        JsonObject omitted = new JsonObject().put("id", "xa-c").put("omitted", true);
        receive("xa-a", snapshot("2026-12-07T04:00:00Z", "Tỉnh A", 0, nested, omitted));

        List<String> kept = jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT commune FROM link_day_stats "
                + "ORDER BY commune").mapTo(String.class).list());
        assertThat(kept).containsExactly("xa-a", "xa-a/xa-b");
        List<JsonObject> rows = new ProvinceReport(jdbi).communes(province, LocalDate.parse("2026-12-05"),
                LocalDate.parse("2026-12-07"));
        assertThat(rows).extracting(r -> r.getString("commune")).containsExactly("xa-a", "xa-a/xa-b");
        assertThat(rows.get(1).getString("name")).isEqualTo("Xã B");
        assertThat(rows.get(1).getLong("aired")).isEqualTo(3);
    }
}
