package vn.loa.display.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.core.model.Board;
import vn.loa.core.model.BoardKind;
import vn.loa.display.BoardProfile;

class PlaylistItemTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    static PlaylistItem item(String id, int seconds, Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        return new PlaylistItem(id, PlaylistItem.Kind.TEXT, "Tin " + id, "", null, null, seconds, days, from, to);
    }

    @Test
    void anItemPlaysOnItsDaysAndHoursOnly() {
        PlaylistItem market = item("cho", 10, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                LocalTime.of(6, 0), LocalTime.of(11, 0));
        ZonedDateTime saturdayMorning = ZonedDateTime.of(2026, 12, 5, 7, 30, 0, 0, HANOI);
        assertThat(market.playsAt(saturdayMorning)).isTrue();
        assertThat(market.playsAt(saturdayMorning.withHour(11))).isFalse();
        assertThat(market.playsAt(saturdayMorning.minusDays(1))).isFalse();
    }

    @Test
    void hoursThatRunOverMidnightWrapAround() {
        PlaylistItem night = item("dem", 10, Set.of(), LocalTime.of(22, 0), LocalTime.of(5, 0));
        ZonedDateTime day = ZonedDateTime.of(2026, 12, 5, 12, 0, 0, 0, HANOI);
        assertThat(night.playsAt(day.withHour(23))).isTrue();
        assertThat(night.playsAt(day.withHour(4))).isTrue();
        assertThat(night.playsAt(day)).isFalse();
        assertThat(item("all", 10, Set.of(), null, null).playsAt(day)).isTrue();
    }

    @Test
    void everyDriverFindsTheSameEntryFromTheClockAlone() {
        BoardProfile p = BoardProfile.of(new Board("b", "B", "z", BoardKind.LCD, 640, 360, null));
        PlaylistItem a = item("a", 10, Set.of(), null, null);
        PlaylistItem b = item("b", 5, Set.of(), null, null);
        Screen s = new Screen(new Board("b", "B", "z", BoardKind.LCD, 640, 360, null), p, "/r/z/",
                List.of(new Screen.Entry(a, 0, 1, 10), new Screen.Entry(b, 0, 1, 5)), null, 1);
        assertThat(s.cycleMillis()).isEqualTo(15_000);
        assertThat(s.entryAt(Instant.ofEpochMilli(30_000 + 9_999)).item()).isEqualTo(a);
        assertThat(s.entryAt(Instant.ofEpochMilli(30_000 + 10_000)).item()).isEqualTo(b);
        assertThat(new Screen(s.board(), p, "/r/z/", List.of(), null, 2).entryAt(Instant.EPOCH)).isNull();
    }
}
