package vn.loa.display.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.display.screen.PlaylistItem;

/** Which campaign a board plays, by priority, window, days and hours, with the board's own playlist as fallback. */
class CampaignScheduleTest {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final ZonedDateTime MONDAY_9 = ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, VN);

    static PlaylistItem item(String id) {
        return new PlaylistItem(id, PlaylistItem.Kind.TEXT, id, "", null, null, 10, Set.of(), null, null);
    }

    static Campaign campaign(String id, int priority, Campaign.Mode mode, String layout, PlaylistItem... items) {
        return new Campaign(id, id, mode, priority, null, null, Set.of(), null, null, layout, 60, List.of(items));
    }

    @Test
    void theHighestPriorityCampaignPlayingNowWinsAndItsLayoutWithIt() {
        var s = CampaignSchedule.at(List.of(campaign("thuong", 1, Campaign.Mode.ROTATION, null, item("a")),
                campaign("bau-cu", 5, Campaign.Mode.ROTATION, "header-main-ticker", item("b"), item("c"))),
                List.of(item("own")), MONDAY_9);
        assertThat(s.rotation()).extracting(PlaylistItem::id).containsExactly("b", "c");
        assertThat(s.layout()).isEqualTo("header-main-ticker");
        assertThat(s.fallback()).isFalse();
    }

    @Test
    void outsideItsWindowDaysOrHoursTheNextPriorityPlaysThenTheBoardsOwn() {
        Campaign weekend = new Campaign("cuoi-tuan", "x", Campaign.Mode.ROTATION, 9, null, null,
                Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, null, null, 0, List.of(item("w")));
        Campaign evening = new Campaign("toi", "x", Campaign.Mode.ROTATION, 8, null, null, Set.of(),
                LocalTime.of(18, 0), LocalTime.of(22, 0), null, 0, List.of(item("e")));
        Campaign over = new Campaign("het-han", "x", Campaign.Mode.ROTATION, 7, Instant.parse("2026-11-01T00:00:00Z"),
                MONDAY_9.toInstant(), Set.of(), null, null, null, 0, List.of(item("o")));
        Campaign low = campaign("thap", 1, Campaign.Mode.ROTATION, null, item("l"));
        assertThat(CampaignSchedule.at(List.of(weekend, evening, over, low), List.of(item("own")), MONDAY_9)
                .rotation()).extracting(PlaylistItem::id).containsExactly("l");
        var none = CampaignSchedule.at(List.of(weekend, evening, over), List.of(item("own")), MONDAY_9);
        assertThat(none.rotation()).extracting(PlaylistItem::id).containsExactly("own");
        assertThat(none.fallback()).isTrue();
        assertThat(none.layout()).as("the board's own layout").isNull();
        assertThat(CampaignSchedule.at(List.of(weekend, evening), List.of(item("own")), MONDAY_9.withHour(19))
                .rotation()).extracting(PlaylistItem::id).containsExactly("e");
    }

    @Test
    void interruptsAndOverlaysPlayOverAnyRotation() {
        var s = CampaignSchedule.at(List.of(campaign("chen", 1, Campaign.Mode.INTERRUPT, null, item("i")),
                campaign("dong-chu", 2, Campaign.Mode.OVERLAY, null, item("Cắt điện 14 giờ")),
                campaign("chinh", 9, Campaign.Mode.ROTATION, null, item("m"))), List.of(), MONDAY_9);
        assertThat(s.rotation()).extracting(PlaylistItem::id).containsExactly("m");
        assertThat(s.interrupts()).extracting(Campaign::id).containsExactly("chen");
        assertThat(s.overlay()).isEqualTo("Cắt điện 14 giờ");
    }
}
