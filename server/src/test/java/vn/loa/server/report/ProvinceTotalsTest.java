package vn.loa.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The province's report by commune summed from the days the communes sent up and their speakers' deliveries. */
class ProvinceTotalsTest {

    private static JsonObject day(String day, long aired, long seconds, long agents, Double percent, JsonObject... zones) {
        return new JsonObject().put("day", day).put("aired", aired).put("failed", 1L).put("cancelled", 0L)
                .put("secondsOnAir", seconds).put("zones", new JsonArray(List.of((Object[]) zones)))
                .put("agents", agents).put("onlineHours", agents * 12.0).put("availabilityPercent", percent);
    }

    private static JsonObject zone(String id, long airings, long seconds) {
        return new JsonObject().put("zone", id).put("name", "Thôn " + id).put("airings", airings).put("seconds", seconds);
    }

    @Test
    void aCommunesDaysAddUpAndItsAvailabilityIsTheDaysSharesWeightedByTheirAgents() {
        List<JsonObject> rows = ProvinceTotals.communes(
                List.of(new ProvinceTotals.Downstream("xa-a", "Đài xã A")),
                List.of(new ProvinceTotals.Day("xa-a", "Xã A", day("2026-12-01", 3, 3600, 1, 100.0, zone("t1", 3, 3600))),
                        new ProvinceTotals.Day("xa-a", "Xã A", day("2026-12-02", 2, 1800, 3, 50.0, zone("t1", 1, 900),
                                zone("t2", 1, 900)))),
                List.of());
        JsonObject a = rows.get(0);
        assertThat(a.getString("name")).as("a direct downstream keeps its registered name").isEqualTo("Đài xã A");
        assertThat(a.getLong("days")).isEqualTo(2);
        assertThat(a.getLong("aired")).isEqualTo(5);
        assertThat(a.getLong("failed")).isEqualTo(2);
        assertThat(a.getDouble("hoursOnAir")).isEqualTo(1.5);
        assertThat(a.getJsonArray("zones").getJsonObject(0).getDouble("hours")).isEqualTo(1.25);
        assertThat(a.getJsonArray("zones").getJsonObject(0).getLong("airings")).isEqualTo(4);
        assertThat(a.getJsonArray("zones").getJsonObject(1).getString("name")).isEqualTo("Thôn t2");
        assertThat(a.getLong("agents")).isEqualTo(3);
        assertThat(a.getDouble("availabilityPercent")).isEqualTo(62.5); // (100·1 + 50·3) / 4
    }

    @Test
    void deliveriesCountForTheCommuneTheirSpeakerIsInAndANestedCommuneHasARowOfItsOwn() {
        List<JsonObject> rows = ProvinceTotals.communes(
                List.of(new ProvinceTotals.Downstream("tinh", "Tỉnh"), new ProvinceTotals.Downstream("xa-b", "Xã B")),
                List.of(new ProvinceTotals.Day("tinh/xa-a", "Xã A", day("2026-12-01", 1, 10, 0, null))),
                List.of(new ProvinceTotals.Delivery("tinh/xa-a/loa-1", "PLAYED"),
                        new ProvinceTotals.Delivery("tinh/xa-a/loa-2", "FAILED"),
                        new ProvinceTotals.Delivery("tinh/xa-a", "FAILED"),
                        new ProvinceTotals.Delivery("tinh/loa-tinh", "SENT"),
                        new ProvinceTotals.Delivery("xa-b", "FAILED"),
                        new ProvinceTotals.Delivery("xa-z/loa-1", "PLAYED")));
        assertThat(rows).extracting(r -> r.getString("commune")).containsExactly("tinh", "tinh/xa-a", "xa-b");
        JsonObject nested = rows.get(1);
        assertThat(nested.getString("name")).as("named by what it sent").isEqualTo("Xã A");
        assertThat(nested.getLong("played")).isEqualTo(1);
        assertThat(nested.getLong("undelivered")).as("a speaker's failure and the commune's refusal").isEqualTo(2);
        assertThat(nested.getValue("availabilityPercent")).as("no agents: not known").isNull();
        assertThat(rows.get(0).getLong("played") + rows.get(0).getLong("undelivered")).isZero();
        assertThat(rows.get(2).getLong("undelivered")).as("a bulletin the commune refused").isEqualTo(1);
        assertThat(rows.get(2).getLong("days")).as("registered, nothing sent yet").isZero();
    }

    @Test
    void theTableHasOneRowPerCommuneWithItsZonesHoursInWords() {
        List<JsonObject> rows = ProvinceTotals.communes(List.of(new ProvinceTotals.Downstream("xa-a", "Xã A")),
                List.of(new ProvinceTotals.Day("xa-a", "Xã A", day("2026-12-01", 2, 7200, 0, null, zone("t1", 2, 7200)))),
                List.of(new ProvinceTotals.Delivery("xa-a/loa-1", "PLAYED")));
        Table table = ProvinceTotals.table(rows);
        assertThat(table.columns()).extracting(Table.Column::key).contains("aired", "hoursOnAir", "zones",
                "availabilityPercent", "played", "undelivered");
        assertThat(table.rows()).hasSize(1);
        assertThat(table.json().getJsonObject(0).getString("zones")).isEqualTo("Thôn t1: 2.0 giờ (2 lượt)");
        assertThat(table.json().getJsonObject(0).getLong("played")).isEqualTo(1);
        assertThat(new String(TableFiles.csv(table), java.nio.charset.StandardCharsets.UTF_8)).contains("Xã A");
    }
}
