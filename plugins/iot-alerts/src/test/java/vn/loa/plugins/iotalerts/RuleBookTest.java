package vn.loa.plugins.iotalerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.loa.plugin.Alert;

/** Rules with hysteresis: readings in, one alert per event out. */
class RuleBookTest {

    private static final Rule RIVER = new Rule("song-cai", "xa/song-cai/+", Kind.WATER_LEVEL, null, true, 3.0, 2.7,
            Alert.Level.EMERGENCY, List.of("thon-dong"), "sông Cái", Kind.WATER_LEVEL.title, Kind.WATER_LEVEL.text);
    private static final Rule DRY = new Rule("kho-han", "xa/ho-chua", Kind.WATER_LEVEL, "level", false, 1.5, 1.8,
            Alert.Level.PRIORITY, List.of("thon-tay"), "hồ chứa", "Hồ cạn", "Mực nước hồ chỉ còn {value} mét.");

    private final RuleBook book = new RuleBook(List.of(RIVER, DRY), Map.of());
    private long second;

    private List<Alert> feed(String topic, String... payloads) {
        List<Alert> out = new ArrayList<>();
        for (String p : payloads) {
            out.addAll(book.reading(topic, p, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(second++)));
        }
        return out;
    }

    @Test
    void aRisingLevelThatCrossesTheThresholdRaisesOneAlertWithTheReadingInWords() {
        List<Alert> alerts = feed("xa/song-cai/muc-nuoc", "2.1", "2.6", "2.95", "3.25", "3.4", "3.6");
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        assertThat(a.level()).isEqualTo(Alert.Level.EMERGENCY);
        assertThat(a.zones()).containsExactly("thon-dong");
        assertThat(a.text()).startsWith("Khẩn cấp! Mực nước tại sông Cái đã lên 3,25 mét, vượt mức báo động 3 mét.");
        assertThat(a.key()).isEqualTo("song-cai@2026-12-01T00:00:03Z");
    }

    @Test
    void jitterAroundTheThresholdRaisesNoSecondAlert() {
        assertThat(feed("xa/song-cai/muc-nuoc", "2.9", "3.01", "2.99", "3.02", "2.95", "3.05", "2.8", "3.1"))
                .hasSize(1);
    }

    @Test
    void aLevelThatFellBelowTheClearMarkAndRoseAgainIsANewEvent() {
        List<Alert> alerts = feed("xa/song-cai/muc-nuoc", "3.2", "2.6", "3.3");
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).key()).isNotEqualTo(alerts.get(1).key());
    }

    @Test
    void aFallingRuleReadsAJsonFieldAndIgnoresMessagesWithoutIt() {
        List<Alert> alerts = feed("xa/ho-chua", "{\"level\": 2.0}", "{\"status\":\"ok\"}", "pin yếu",
                "{\"level\": 1.4, \"unit\": \"m\"}", "{\"level\": 1.45}");
        assertThat(alerts).extracting(Alert::text).containsExactly("Mực nước hồ chỉ còn 1,4 mét.");
        assertThat(alerts.get(0).level()).isEqualTo(Alert.Level.PRIORITY);
    }

    @Test
    void readingsOnOtherTopicsAreNotTheRulesBusiness() {
        assertThat(feed("xa/song-ma/muc-nuoc/tram-1", "9")).isEmpty();
        assertThat(feed("xa/song-cai/muc-nuoc/tram-1", "9")).isEmpty();
        assertThat(TopicFilter.matches("xa/#", "xa/song-cai/muc-nuoc")).isTrue();
    }

    @Test
    void aRuleStillTrippedBeforeARestartDoesNotAlertAgain() {
        RuleBook restarted = new RuleBook(List.of(RIVER), Map.of("song-cai", Instant.parse("2026-12-01T00:00:00Z")));
        assertThat(restarted.reading("xa/song-cai/x", "3.5", Instant.now())).isEmpty();
        assertThat(restarted.reading("xa/song-cai/x", "2.0", Instant.now())).isEmpty();
        assertThat(restarted.reading("xa/song-cai/x", "3.5", Instant.now())).hasSize(1);
    }
}
